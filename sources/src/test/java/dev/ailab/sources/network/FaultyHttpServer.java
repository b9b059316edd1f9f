package dev.ailab.sources.network;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 server on a raw socket, so it can misbehave the way real ones do: each
 * connection takes the next scripted {@link Answer} (the last one repeats). It records the
 * request lines it saw, so a test can tell a proxied request (absolute URI) from a direct one.
 */
public final class FaultyHttpServer implements Closeable {
    /** What to do with one request. */
    public sealed interface Answer permits Ok, Status, Stall, Reset {
    }

    public record Ok(byte[] body) implements Answer {
    }

    public record Status(int code) implements Answer {
    }

    /** Headers and the first half of the body, then silence. */
    public record Stall(byte[] body) implements Answer {
    }

    /** Headers, then the connection is reset (RST, not FIN). */
    public record Reset() implements Answer {
    }

    private final ServerSocket socket;
    private final ConcurrentLinkedQueue<Answer> script;
    private volatile Answer last;
    public final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public FaultyHttpServer(Answer... answers) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        script = new ConcurrentLinkedQueue<>(List.of(answers));
        last = answers[answers.length - 1];
        thread = new Thread(this::serve, "faulty-http");
        thread.setDaemon(true);
        thread.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /**
     * The request lines once {@code n} have arrived (or after {@code max}): under load the client
     * can give up on a connection before this server's thread has even read its request.
     */
    public List<String> requestLines(int n, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (requestLines.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return requestLines;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> answer(s), "faulty-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String head = readHead(in);
            requestLines.add(head.lines().findFirst().orElse(""));
            Answer a = script.poll();
            a = a == null ? last : a;
            OutputStream out = s.getOutputStream();
            if (a instanceof Ok ok) {
                out.write(headers(200, ok.body().length));
                out.write(ok.body());
            } else if (a instanceof Status st) {
                out.write(headers(st.code(), 0));
            } else if (a instanceof Stall st) {
                out.write(headers(200, st.body().length));
                out.write(st.body(), 0, st.body().length / 2);
                out.flush();
                Thread.sleep(60_000);
            } else {
                out.write(headers(200, 1000));
                out.flush();
                s.setSoLinger(true, 0);
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // The client went away: nothing to answer.
        }
    }

    private static byte[] headers(int code, int length) {
        return ("HTTP/1.1 " + code + " X\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
