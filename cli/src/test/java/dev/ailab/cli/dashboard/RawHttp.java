package dev.ailab.cli.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over a socket: the JDK's client will not send a Host header of our choosing,
 * and the Host check is what these tests are about.
 */
final class RawHttp {
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    static Response get(int port, String path, String... headers) throws IOException {
        return send(port, "GET", path, null, headers);
    }

    static Response send(int port, String method, String path, String body, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            boolean host = false;
            for (String h : headers) {
                req.append(h).append("\r\n");
                host |= h.toLowerCase(Locale.ROOT).startsWith("host:");
            }
            if (!host) {
                req.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            req.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            return parse(s.getInputStream().readAllBytes());
        }
    }

    /** A whole response read until the server closed: status, headers, body (de-chunked). */
    static Response parse(byte[] raw) {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String[] head = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.merge(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip(),
                    (a, b) -> a + "\n" + b);
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int at = split + 4;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (at < raw.length) {
                int eol = indexOf(raw, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
                int n = Integer.parseInt(new String(raw, at, eol - at, StandardCharsets.US_ASCII).strip(), 16);
                if (n == 0) {
                    break;
                }
                body.write(raw, eol + 2, n);
                at = eol + 2 + n + 2;
            }
        } else {
            body.write(raw, at, raw.length - at);
        }
        return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return hay.length;
    }
}
