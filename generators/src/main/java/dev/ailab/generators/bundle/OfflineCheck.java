package dev.ailab.generators.bundle;

import dev.ailab.core.config.SourcesConfig;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.generators.charts.ChartResolver;
import dev.ailab.generators.charts.UpstreamChart;
import dev.ailab.generators.vectorweight.ChartUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vectorweight validate --offline-check}: for the airgapped modes, whether the bundle, the
 * local folder or a git mirror on disk holds every chart at the pinned version the config needs.
 * Returns what is missing, one line each (empty: complete).
 */
public final class OfflineCheck {
    private OfflineCheck() {
    }

    /** The check as a rule, so each missing chart is a problem at the line of the field that names the source. */
    public static dev.ailab.core.config.ConfigRule rule() {
        return (config, at, problems) -> {
            if (config.sources == null || config.sources.mode == null) {
                return;
            }
            Path base = at.file() == null || at.file().toAbsolutePath().getParent() == null ? Path.of("")
                    : at.file().toAbsolutePath().getParent();
            String pointer = switch (config.sources.mode) {
                case AIRGAPPED_ARCHIVE -> "/sources/archive";
                case LOCAL -> "/sources/local_path";
                case AIRGAPPED_GIT -> "/sources/git_mirror";
                case INTERNET -> "/sources/mode";
            };
            List<String> missing;
            try {
                missing = missing(config, base);
            } catch (dev.ailab.core.error.ToolkitException e) {
                missing = List.of(e.getMessage());
            }
            for (String m : missing) {
                problems.add(at.problem(pointer, m, "make a bundle for this config with 'vectorweight bundle create' on a "
                        + "connected machine, then import it ('vectorweight bundle import')"));
            }
        };
    }

    public static List<String> missing(ToolkitConfig config, Path baseDir) {
        SourcesConfig s = config.sources;
        List<String> missing = new ArrayList<>();
        if (s == null || s.mode == null || s.mode == SourcesConfig.Mode.INTERNET) {
            return missing;
        }
        var needed = ChartUsage.of(config).keySet();
        switch (s.mode) {
            case AIRGAPPED_ARCHIVE -> {
                Path bundle = baseDir.resolve(s.archive);
                if (!Files.isRegularFile(bundle)) {
                    missing.add("the bundle " + bundle + " (sources.archive) is not there");
                    return missing;
                }
                BundleManifest m = BundleVerifier.readManifest(bundle);
                for (UpstreamChart c : needed) {
                    if (m.charts().stream().noneMatch(x -> x.name().equals(c.chart) && x.version().equals(c.version))) {
                        missing.add("chart " + c.chart + " " + c.version + " is not in the bundle " + bundle);
                    }
                }
            }
            case LOCAL -> {
                Path dir = baseDir.resolve(s.localPath);
                for (UpstreamChart c : needed) {
                    if (!Files.isRegularFile(dir.resolve(ChartResolver.packageName(c)))) {
                        missing.add("chart " + c.chart + " " + c.version + ": " + dir.resolve(ChartResolver.packageName(c))
                                + " is not there");
                    }
                }
            }
            case AIRGAPPED_GIT -> {
                Path mirror = mirrorOnDisk(s.gitMirror, baseDir);
                if (mirror == null) {
                    missing.add("the git mirror " + s.gitMirror + " is not a folder on this machine; clone it and run "
                            + "validate --offline-check with git_mirror pointing at the clone");
                    return missing;
                }
                String scheme = s.gitPathScheme == null ? SourcesConfig.DEFAULT_GIT_PATH_SCHEME : s.gitPathScheme;
                for (UpstreamChart c : needed) {
                    Path chartYaml = mirror.resolve(scheme.replace("{chart}", c.chart).replace("{version}", c.version))
                            .resolve("Chart.yaml");
                    if (!Files.isRegularFile(chartYaml)) {
                        missing.add("chart " + c.chart + " " + c.version + ": " + chartYaml + " is not in the mirror");
                    }
                }
            }
            default -> { }
        }
        return missing;
    }

    private static Path mirrorOnDisk(String url, Path baseDir) {
        String path = url.startsWith("file://") ? java.net.URI.create(url).getPath() : url.contains("://") ? null : url;
        if (path == null) {
            return null;
        }
        Path p = baseDir.resolve(path);
        return Files.isDirectory(p) ? p : null;
    }
}
