package dev.ailab.cli.aiconfig;

import picocli.CommandLine.Option;

/** {@code --home DIR}: where library/ and personal/ live (overrides library.path). */
public class HomeOption {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Home of ai-config holding library/ and personal/ (default: library.path, else $XDG_DATA_HOME/ai-config).")
    public String home;
}
