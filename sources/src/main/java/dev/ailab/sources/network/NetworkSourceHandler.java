package dev.ailab.sources.network;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.IoMessages;
import dev.ailab.core.io.Sha256;
import dev.ailab.sources.SourceHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network source handler: one file over HTTP(S) with the JDK's {@link HttpClient}. Connect
 * and read time-outs, a bounded number of attempts with back-off on 5xx answers, resets and
 * time-outs, the proxy from {@code https_proxy}/{@code no_proxy}. The body streams into a
 * temporary file beside the target while its SHA-256 is computed; the file is moved into place
 * only when the pinned digest matches (a mismatch: exit 3 and nothing kept).
 */
public final class NetworkSourceHandler implements SourceHandler {
    private final FetchPolicy policy;
    private final HttpClient client;

    public NetworkSourceHandler(Map<String, String> env) {
        this(env, FetchPolicy.defaults());
    }

    public NetworkSourceHandler(Map<String, String> env, FetchPolicy policy) {
        this.policy = policy;
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySettings.from(env))
                .build();
    }

    @Override
    public String kind() {
        return "network";
    }

    @Override
    public boolean supports(String location) {
        String l = location == null ? "" : location.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /** Fetches the whole body of {@code url} into memory (small documents: index.yaml). */
    public byte[] fetchSmall(String url, long maxBytes) {
        try {
            Path temp = Files.createTempFile("vw-fetch", ".part");
            try {
                Files.delete(temp);
                materialize(new SourceRequest(url, null, 0, null), temp, maxBytes);
                return Files.readAllBytes(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ExternalSystemException("cannot fetch " + redact(url) + ": " + IoMessages.describe(e), IoMessages.hint(e));
        }
    }

    @Override
    public SourceRevision materialize(SourceRequest request, Path target) {
        return materialize(request, target, Long.MAX_VALUE, Map.of());
    }

    /** As {@link #materialize(SourceRequest, Path)}, with request headers (a registry's token). */
    public SourceRevision materialize(SourceRequest request, Path target, Map<String, String> headers) {
        return materialize(request, target, Long.MAX_VALUE, headers);
    }

    /** What a small GET answered, whatever its status. */
    public record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {
    }

    /**
     * One small GET with request headers that returns any answer (a registry answers 401 with
     * where to get a token). Retries like the other fetches on resets and 5xx; at most
     * {@code maxBytes} of body.
     */
    public Answer get(String url, Map<String, String> headers, long maxBytes) {
        String shown = redact(url);
        String problem = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(policy.backoffBefore(attempt).toMillis());
            }
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(policy.readTimeout()).GET();
                headers.forEach(b::header);
                HttpResponse<java.io.InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                byte[] body;
                try (java.io.InputStream in = r.body()) {
                    body = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
                }
                if (body.length > maxBytes) {
                    throw new ExternalSystemException("the answer from " + shown + " is larger than " + maxBytes + " bytes",
                            "check that the URL names what it should");
                }
                if (r.statusCode() >= 500) {
                    problem = "the server answered " + r.statusCode();
                    continue;
                }
                return new Answer(r.statusCode(), r.headers(), body);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("'" + shown + "' is not a URL", "write it as https://host/path");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExternalSystemException("cannot fetch " + shown + ": interrupted", "run it again");
            } catch (IOException e) {
                problem = describe(e);
            }
        }
        throw new ExternalSystemException("cannot fetch " + shown + " after " + policy.attempts() + " attempts: " + problem,
                "check that the server is reachable from here (and https_proxy/no_proxy), then try again");
    }

    private SourceRevision materialize(SourceRequest request, Path target, long maxBytes) {
        return materialize(request, target, maxBytes, Map.of());
    }

    private SourceRevision materialize(SourceRequest request, Path target, long maxBytes, Map<String, String> headers) {
        URI uri;
        try {
            uri = URI.create(request.location());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("'" + redact(request.location()) + "' is not a URL", "write it as https://host/path");
        }
        if (!supports(request.location())) {
            throw new InvalidInputException("'" + redact(request.location()) + "' is not an http or https URL",
                    "write it as https://host/path");
        }
        String shown = redact(request.location());
        String problem = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(policy.backoffBefore(attempt).toMillis());
            }
            Path part = target.resolveSibling("." + target.getFileName() + ".part-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime());
            try {
                Files.createDirectories(part.toAbsolutePath().getParent());
                Attempt a = once(uri, part, maxBytes, headers);
                if (a.status >= 500) {
                    problem = "the server answered " + a.status;
                    continue;
                }
                if (a.status >= 400 || a.status < 200 || a.status >= 300) {
                    throw new ExternalSystemException("cannot fetch " + shown + ": the server answered " + a.status,
                            a.status == 404 ? "check the URL and the version: the file is not there"
                                    : "check the URL and your access to it");
                }
                if (request.sha256() != null && !request.sha256().equalsIgnoreCase(a.sha256)) {
                    throw new ExternalSystemException("the file from " + shown + " has SHA-256 " + a.sha256 + ", expected "
                            + request.sha256().toLowerCase(Locale.ROOT) + "; it was not kept",
                            "the server sent something else than the pinned file: check the mirror, or the pin");
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new SourceRevision(a.sha256, a.bytes + " bytes", shown, a.bytes, a.sha256);
            } catch (HttpTimeoutException | StalledException e) {
                problem = e instanceof StalledException ? e.getMessage()
                        : "no answer within " + policy.connectTimeout().toMillis() + " ms";
            } catch (IOException e) {
                problem = describe(e);
            } finally {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // A leftover .part file is harmless and named as such.
                }
            }
        }
        throw new ExternalSystemException("cannot fetch " + shown + " after " + policy.attempts() + " attempts: " + problem,
                "check that the server is reachable from here (and https_proxy/no_proxy), then try again");
    }

    private static String describe(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof java.net.ConnectException) {
            return "the connection was refused";
        }
        if (m.contains("reset") || m.contains("eof") || m.contains("closed") || m.contains("header parser")) {
            return "the connection was reset";
        }
        if (e instanceof java.net.UnknownHostException || m.contains("unresolved")) {
            return "the host name is not known here";
        }
        return IoMessages.describe(e);
    }

    private record Attempt(int status, long bytes, String sha256) {
    }

    /** One request: streams the body into {@code part}, watching that bytes keep coming. */
    private Attempt once(URI uri, Path part, long maxBytes, Map<String, String> headers) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(policy.readTimeout()).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        FileSink sink = new FileSink(part, maxBytes);
        CompletableFuture<HttpResponse<Void>> future = client.sendAsync(request, info -> {
            if (info.statusCode() >= 200 && info.statusCode() < 300) {
                return sink;
            }
            return HttpResponse.BodySubscribers.discarding();
        });
        long readMs = policy.readTimeout().toMillis();
        while (true) {
            try {
                HttpResponse<Void> response = future.get(Math.min(readMs, 200), TimeUnit.MILLISECONDS);
                if (sink.failure != null) {
                    throw sink.failure;
                }
                return new Attempt(response.statusCode(), sink.bytes.get(), sink.digestHex());
            } catch (TimeoutException waiting) {
                if (System.nanoTime() - sink.lastProgress.get() > TimeUnit.MILLISECONDS.toNanos(readMs)) {
                    future.cancel(true);
                    sink.cancel();
                    throw new StalledException("no data for " + readMs + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException(cause == null ? "failed" : cause.getMessage(), cause);
            }
        }
    }

    /** The body written to a file as it arrives, hashed on the way. */
    private static final class FileSink implements HttpResponse.BodySubscriber<Void> {
        private final Path part;
        private final long maxBytes;
        private final MessageDigest digest = Sha256.digest();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        volatile IOException failure;
        private FileChannel channel;
        private Flow.Subscription subscription;
        private String hex;

        FileSink(Path part, long maxBytes) {
            this.part = part;
            this.maxBytes = maxBytes;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            try {
                channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                failure = e;
                s.cancel();
                done.completeExceptionally(e);
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            try {
                for (ByteBuffer b : item) {
                    ByteBuffer copy = b.duplicate();
                    digest.update(copy);
                    long n = bytes.addAndGet(b.remaining());
                    if (n > maxBytes) {
                        throw new IOException("the answer is larger than " + maxBytes + " bytes");
                    }
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                }
                lastProgress.set(System.nanoTime());
            } catch (IOException e) {
                failure = e;
                subscription.cancel();
                close();
                done.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            close();
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            try {
                if (channel != null) {
                    channel.force(true);
                }
            } catch (IOException e) {
                failure = e;
            }
            close();
            hex = Sha256.hex(digest);
            done.complete(null);
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
            close();
        }

        String digestHex() {
            return hex;
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // Closing after a failure: the failure is what gets reported.
            }
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> getBody() {
            return done;
        }
    }

    private static final class StalledException extends IOException {
        StalledException(String message) {
            super(message);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A URL without its user and password. */
    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?<=://)[^/@\\s]+@", "");
    }
}
