package dev.ailab.cli.dashboard;

import dev.ailab.cli.github.GithubWebhookMount;
import dev.ailab.cli.host.HostProbe;
import dev.ailab.cli.hub.HubCommand;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.hub.dashboard.DashboardQueries;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dashboard serve}: the live dashboard until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the live dashboard on this machine until Ctrl-C (read-only unless --allow-edit).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab dashboard serve --open", "  ai-lab dashboard serve --port 8080 --allow-edit",
            "  ai-lab dashboard serve --bind 0.0.0.0 --token-env DASH_TOKEN"})
public class DashboardServeCommand extends HubCommand {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6420", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}); another than loopback needs --token-env.")
    String bind;

    @Option(names = "--open", description = "Open the dashboard in the desktop's browser.")
    boolean open;

    @Option(names = "--allow-edit", description = "Let the page move cards and add items and ideas.")
    boolean allowEdit;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "The environment variable that holds the access token every request must carry.")
    String tokenEnv;

    @Override
    protected int run() throws Exception {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port takes a port from 0 to 65535, got " + port, "for example --port 6420");
        }
        String token = null;
        if (tokenEnv != null) {
            if (!tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidInputException("--token-env takes the name of an environment variable, got '" + tokenEnv + "'",
                        "for example --token-env DASHBOARD_TOKEN");
            }
            token = context().env(tokenEnv);
            if (token == null || token.length() < 16) {
                throw new InvalidInputException("the variable " + tokenEnv + " " + (token == null ? "is not set" : "holds fewer than 16 characters"),
                        "set it to a long random value, for example " + tokenEnv + "=$(openssl rand -hex 16)");
            }
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--bind takes an address of this machine, got '" + bind + "'", "for example --bind 127.0.0.1");
        }
        if (!address.isLoopbackAddress() && token == null) {
            throw new InvalidInputException("--bind " + bind + " lets other machines reach the dashboard, so it needs --token-env",
                    "give --token-env VAR with an access token in VAR, or keep the default --bind 127.0.0.1");
        }
        DashboardQueries queries = new DashboardQueries(store());
        DashboardServer server;
        try {
            server = new DashboardServer(queries, new DashboardServer.Options(bind, port, allowEdit, token), Clock.systemDefaultZone());
        } catch (BindException e) {
            throw new OperationFailedException("cannot listen on " + bind + ":" + port + ": the port is in use or not allowed",
                    "stop what uses it or give another --port (0 picks a free one)");
        }
        server.withHost(new HostProbe(spec, config, 10))
                .withGithubWebhook(GithubWebhookMount.of(() -> config.load().config().github, context().env(), store(), line -> {
                    err().println(line);
                    err().flush();
                }))
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "dashboard-stop"));
        out().println(server.url());
        out().flush();
        err().println("dashboard at " + server.url() + (allowEdit ? " (editing allowed)" : " (read-only)")
                + (token != null ? "; open it with ?token= and the value of " + tokenEnv : "") + "; Ctrl-C stops it");
        if (!queries.exists()) {
            err().println("no store yet at " + queries.store().where() + ": the page fills in once 'ai-lab work add' creates it");
        }
        err().flush();
        if (open) {
            openBrowser(server.url());
        }
        stopped.await();
        return 0;
    }

    private void openBrowser(String url) {
        String path = context().env("PATH");
        for (String dir : (path == null ? "" : path).split(":")) {
            Path opener = Path.of(dir.isEmpty() ? "." : dir, "xdg-open");
            if (Files.isExecutable(opener)) {
                try {
                    new ProcessBuilder(opener.toString(), url).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    return;
                } catch (IOException e) {
                    break;
                }
            }
        }
        err().println("cannot open a browser here (no xdg-open): open " + url + " yourself");
        err().flush();
    }
}
