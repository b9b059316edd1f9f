package dev.ailab.cli;

/** The output formats of commands that report data. */
public enum OutputFormat {
    text, json
}
