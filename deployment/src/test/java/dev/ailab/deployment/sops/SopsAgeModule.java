package dev.ailab.deployment.sops;

import dev.ailab.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The npm package sops-age 4.0.2, an independent SOPS implementation: from the folder CI's
 * setup step installed it into ({@code AI_LAB_SOPS_AGE_DIR}), else installed once with npm
 * into {@code target/sops-age} (needs the npm registry).
 */
final class SopsAgeModule {
    static final String VERSION = "4.0.2";

    private SopsAgeModule() {
    }

    static synchronized Path dir(Path scratch) throws IOException, InterruptedException {
        String fromCi = System.getenv("AI_LAB_SOPS_AGE_DIR");
        Path dir = fromCi != null && !fromCi.isBlank() ? Path.of(fromCi)
                : Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target/sops-age");
        Path marker = dir.resolve("node_modules/sops-age/package.json");
        if (!Files.exists(marker)) {
            Path npm = RequiredTool.onPath("node", "npm");
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(npm.toString(), "install", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                    "sops-age@" + VERSION).redirectErrorStream(true).redirectOutput(scratch.resolve("npm.log").toFile()).start();
            boolean done = p.waitFor(300, TimeUnit.SECONDS);
            RequiredTool.available("node", done && p.exitValue() == 0 && Files.exists(marker),
                    "npm could not install sops-age " + VERSION + " (see " + scratch.resolve("npm.log") + ")");
        }
        return dir;
    }
}
