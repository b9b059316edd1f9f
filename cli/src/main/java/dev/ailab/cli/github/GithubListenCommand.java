package dev.ailab.cli.github;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.integrations.github.IssueSync;
import dev.ailab.integrations.github.WebhookHandler;
import dev.ailab.integrations.github.WebhookServer;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code github listen}: serves GitHub webhooks at /hooks/github until stopped. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Serve GitHub webhook deliveries at /hooks/github and sync the issue each one names, until stopped.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab github listen", "  ai-lab github listen --port 8787 --bind 0.0.0.0"})
public class GithubListenCommand extends GithubSupport {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8787", description = "Port (default ${DEFAULT-VALUE}; 0 picks one).")
    int port;
    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}).") String bind;

    @Override
    protected int run() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port takes 0 to 65535, got " + port, "give a port number, such as --port 8787");
        }
        Map<String, String> repos = repositories(null);
        var client = client(900);
        IssueSync sync = new IssueSync(client, store(), s -> { });
        WebhookHandler handler = new WebhookHandler(settings(), store(), repo -> repos.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(repo)).map(Map.Entry::getKey).findFirst().orElse(null),
                (p, r) -> sync.sync(p, r, new IssueSync.Options(false, false, false, false)));
        try (WebhookServer server = new WebhookServer(handler, bind, port)) {
            err().println("listening on http://" + bind + ":" + server.port() + WebhookServer.PATH + " (Ctrl-C stops)");
            err().flush();
            Thread.currentThread().join();
        } catch (IOException e) {
            throw new ExternalSystemException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(),
                    "choose another --port or --bind");
        }
        return 0;
    }
}
