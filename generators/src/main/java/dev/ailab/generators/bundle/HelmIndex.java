package dev.ailab.generators.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ailab.core.error.ExternalSystemException;
import java.io.IOException;
import java.net.URI;

/** A Helm repository's {@code index.yaml}: where a chart version's package is and its digest. */
final class HelmIndex {
    private final JsonNode root;
    private final String repository;

    HelmIndex(byte[] yaml, String repository) {
        this.repository = repository;
        try {
            this.root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new ExternalSystemException("the index.yaml of " + repository + " is not valid YAML",
                    "check that " + repository + " is a Helm chart repository");
        }
    }

    /** The package URL and SHA-256 (null when the index has none) of {@code chart} at {@code version}. */
    String[] find(String chart, String version) {
        for (JsonNode v : root.path("entries").path(chart)) {
            if (version.equals(v.path("version").asText())) {
                String url = v.path("urls").path(0).asText(null);
                if (url == null) {
                    break;
                }
                String base = repository.endsWith("/") ? repository : repository + "/";
                String resolved = URI.create(base).resolve(url).toString();
                String digest = v.path("digest").asText(null);
                return new String[] {resolved, digest == null || digest.isBlank() ? null : digest};
            }
        }
        throw new ExternalSystemException("the repository " + repository + " has no chart " + chart + " at version " + version,
                "check the mirror holds that version, or give another repository with --chart-repository");
    }
}
