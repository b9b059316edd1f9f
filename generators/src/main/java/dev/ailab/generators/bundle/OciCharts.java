package dev.ailab.generators.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.io.Sha256;
import dev.ailab.sources.SourceHandler.SourceRequest;
import dev.ailab.sources.network.NetworkSourceHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charts from an OCI registry ({@code oci://host/path}, where {@code helm push} puts them),
 * read through the registry API with the network handler: the manifest of the tag (the chart's
 * version, '+' written as '_' as Helm does), then its one chart layer, fetched pinned to the
 * layer's digest so a changed blob is refused. When the registry names the manifest's digest
 * ({@code Docker-Content-Digest}), the manifest must match it too. Registries that want a token
 * get an anonymous one (the {@code WWW-Authenticate: Bearer} answer); registries that need a
 * login are not supported yet. Loopback registries are spoken to over plain HTTP, as skopeo
 * here does.
 */
final class OciCharts {
    static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final long MAX_DOCUMENT = 4L << 20;
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NetworkSourceHandler network;

    OciCharts(NetworkSourceHandler network) {
        this.network = network;
    }

    /** Fetches {@code chart} at {@code version} from {@code repository} (oci://...) into {@code target}; returns its SHA-256. */
    String pull(String repository, String chart, String version, Path target) {
        URI uri;
        try {
            uri = URI.create(repository.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("'" + repository + "' is not an OCI registry path", "write it as oci://HOST/PATH");
        }
        if (uri.getHost() == null) {
            throw new InvalidInputException("'" + repository + "' names no registry host", "write it as oci://HOST/PATH");
        }
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String base = (loopback(uri.getHost()) ? "http://" : "https://") + host;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
        String name = path.isEmpty() ? chart : path + "/" + chart;
        String tag = version.replace('+', '_');
        String shown = repository + "/" + chart + ":" + tag;

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", MANIFEST);
        String manifestUrl = base + "/v2/" + name + "/manifests/" + tag;
        NetworkSourceHandler.Answer answer = network.get(manifestUrl, headers, MAX_DOCUMENT);
        if (answer.status() == 401) {
            headers.put("Authorization", "Bearer " + anonymousToken(answer, name, shown));
            answer = network.get(manifestUrl, headers, MAX_DOCUMENT);
        }
        if (answer.status() == 404) {
            throw new ExternalSystemException("the registry has no chart " + shown,
                    "check the mirror holds that version (helm push), or give another registry with --chart-repository");
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw new ExternalSystemException("the registry refused " + shown + " (" + answer.status() + ")",
                    "registries that need a login are not supported by bundle create yet: mirror the chart to one that "
                            + "allows anonymous pulls, or to a Helm repository");
        }
        if (answer.status() != 200) {
            throw new ExternalSystemException("cannot read " + shown + ": the registry answered " + answer.status(),
                    "check the registry address and the chart's path in it");
        }
        String named = answer.headers().firstValue("Docker-Content-Digest").orElse(null);
        String actual = "sha256:" + Sha256.of(answer.body());
        if (named != null && named.startsWith("sha256:") && !named.equalsIgnoreCase(actual)) {
            throw new ExternalSystemException("the manifest of " + shown + " has digest " + actual + ", the registry says " + named,
                    "the registry sent something else than it names: check the registry (or a proxy in between)");
        }
        String layer = chartLayer(answer.body(), shown);
        String hex = layer.substring("sha256:".length()).toLowerCase(Locale.ROOT);
        headers.remove("Accept");
        return network.materialize(SourceRequest.pinned(base + "/v2/" + name + "/blobs/" + layer, hex), target, headers).sha256();
    }

    private static String chartLayer(byte[] manifest, String shown) {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (IOException e) {
            throw new ExternalSystemException("the manifest of " + shown + " is not valid JSON", "check the registry");
        }
        for (JsonNode l : root.path("layers")) {
            String digest = l.path("digest").asText("");
            if (CHART_LAYER.equals(l.path("mediaType").asText()) && digest.matches("sha256:[0-9a-fA-F]{64}")) {
                return digest;
            }
        }
        throw new ExternalSystemException(shown + " is not a Helm chart: its manifest has no chart layer",
                "check the path: helm push stores charts as " + CHART_LAYER);
    }

    /** The token service named by a 401 answer, asked without credentials for pull access. */
    private String anonymousToken(NetworkSourceHandler.Answer challenge, String name, String shown) {
        String header = challenge.headers().firstValue("WWW-Authenticate").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ExternalSystemException("the registry wants a login for " + shown,
                    "registries that need a login are not supported by bundle create yet: mirror the chart to one that "
                            + "allows anonymous pulls, or to a Helm repository");
        }
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            p.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
        }
        String realm = p.get("realm");
        if (realm == null) {
            throw new ExternalSystemException("the registry's login answer names no token service", "check the registry");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (p.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(p.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode(p.getOrDefault("scope", "repository:" + name + ":pull"), StandardCharsets.UTF_8));
        NetworkSourceHandler.Answer token = network.get(url.toString(), Map.of(), MAX_DOCUMENT);
        try {
            JsonNode t = token.status() == 200 ? JSON.readTree(token.body()) : null;
            String value = t == null ? "" : t.path("token").asText(t.path("access_token").asText(""));
            if (!value.isEmpty()) {
                return value;
            }
        } catch (IOException ignored) {
            // Named below.
        }
        throw new ExternalSystemException("the registry gave no anonymous token for " + shown + " (" + token.status() + ")",
                "registries that need a login are not supported by bundle create yet");
    }

    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("127.") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1");
    }
}
