package dev.ailab.sources.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy the usual environment variables name: {@code https_proxy} for https URLs,
 * {@code http_proxy} for http (upper-case forms too), skipped for the hosts of
 * {@code no_proxy} (a host, a {@code .suffix} or a bare domain matching its subdomains, or {@code *}).
 */
public final class ProxySettings extends ProxySelector {
    private final URI httpsProxy;
    private final URI httpProxy;
    private final List<String> noProxy;

    private ProxySettings(URI httpsProxy, URI httpProxy, List<String> noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
    }

    public static ProxySettings from(Map<String, String> env) {
        List<String> skip = new ArrayList<>();
        String no = first(env, "no_proxy", "NO_PROXY");
        if (no != null) {
            for (String part : no.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (!p.isEmpty()) {
                    skip.add(p);
                }
            }
        }
        return new ProxySettings(uri(first(env, "https_proxy", "HTTPS_PROXY")), uri(first(env, "http_proxy", "HTTP_PROXY")),
                List.copyOf(skip));
    }

    /** The proxy URI for {@code target}, or null to connect directly. */
    public URI proxyFor(URI target) {
        URI proxy = "https".equalsIgnoreCase(target.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || target.getHost() == null || bypassed(target.getHost().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return proxy;
    }

    private boolean bypassed(String host) {
        for (String p : noProxy) {
            if (p.equals("*")) {
                return true;
            }
            String bare = p.startsWith(".") ? p.substring(1) : p;
            int colon = bare.lastIndexOf(':');
            if (colon > 0 && bare.indexOf(']') < colon) {
                bare = bare.substring(0, colon);
            }
            if (host.equals(bare) || host.endsWith("." + bare)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Proxy> select(URI uri) {
        URI proxy = proxyFor(uri);
        if (proxy == null) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = proxy.getPort() > 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to learn: the fetch reports the failure and retries on its own terms.
    }

    private static String first(Map<String, String> env, String a, String b) {
        String v = env.get(a);
        if (v == null || v.isBlank()) {
            v = env.get(b);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static URI uri(String value) {
        if (value == null) {
            return null;
        }
        return URI.create(value.contains("://") ? value : "http://" + value);
    }
}
