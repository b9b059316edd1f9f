package dev.ailab.cli.host;

import picocli.CommandLine.Option;

/** {@code --timeout SECONDS} for every podman call of a command. */
public class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up on a podman call after this many seconds (default: ${DEFAULT-VALUE}).")
    int seconds = 30;
}
