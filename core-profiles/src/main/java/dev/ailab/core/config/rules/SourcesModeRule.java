package dev.ailab.core.config.rules;

import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.SourcesConfig;
import dev.ailab.core.config.SourcesConfig.Mode;
import dev.ailab.core.config.ToolkitConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each {@code sources.mode} has the fields it needs and no field of another mode: a mirror
 * named but not used, or a mode without its mirror, would send the cluster outside.
 */
public final class SourcesModeRule implements ConfigRule {
    /** The fields a mode must have. */
    private static final Map<Mode, List<String>> REQUIRED = Map.of(
            Mode.INTERNET, List.of(),
            Mode.AIRGAPPED_GIT, List.of("git_mirror", "image_registry"),
            Mode.AIRGAPPED_ARCHIVE, List.of("archive", "image_registry"),
            Mode.LOCAL, List.of("local_path", "image_registry"));

    /** The fields a mode may have beyond the required ones. */
    private static final Map<Mode, Set<String>> OPTIONAL = Map.of(
            Mode.INTERNET, Set.of(),
            Mode.AIRGAPPED_GIT, Set.of("git_path_scheme", "chart_repository"),
            // archive_sha256 is optional: the config that bundle create reads exists before its bundle does.
            Mode.AIRGAPPED_ARCHIVE, Set.of("archive_sha256", "chart_repository"),
            Mode.LOCAL, Set.of("chart_repository"));

    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
        SourcesConfig s = config.sources;
        if (s == null) {
            return;
        }
        Mode mode = s.mode == null ? Mode.INTERNET : s.mode;
        Map<String, String> set = s.modeFields();
        // One problem for every missing field: they all sit at the mode line.
        List<String> missing = REQUIRED.get(mode).stream().filter(k -> !set.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            problems.add(at.problem("/sources/mode", "sources.mode " + mode.word() + " needs "
                    + String.join(" and ", missing.stream().map(k -> "sources." + k).toList()),
                    String.join("; ", missing.stream().map(SourcesModeRule::hintFor).toList())));
        }
        for (String key : set.keySet()) {
            if (!REQUIRED.get(mode).contains(key) && !OPTIONAL.get(mode).contains(key)) {
                problems.add(at.problem("/sources/" + key, "sources." + key + " does not belong to sources.mode "
                        + mode.word() + " (it is a field of " + owners(key) + ")",
                        "remove sources." + key + ", or set sources.mode to " + owners(key)));
            }
        }
    }

    private static String owners(String key) {
        StringBuilder b = new StringBuilder();
        for (Mode m : Mode.values()) {
            if (REQUIRED.get(m).contains(key) || OPTIONAL.get(m).contains(key)) {
                b.append(b.length() == 0 ? "" : " or ").append(m.word());
            }
        }
        return b.toString();
    }

    private static String hintFor(String key) {
        return switch (key) {
            case "git_mirror" -> "add 'git_mirror: https://git.example.internal/charts.git' under sources";
            case "archive" -> "add 'archive: PATH' under sources: the bundle made by 'vectorweight bundle create'";
            case "archive_sha256" -> "add 'archive_sha256:' under sources with the 64 hexadecimal digits that "
                    + "'sha256sum BUNDLE' prints (bundle import prints the line)";
            case "local_path" -> "add 'local_path: FOLDER' under sources: a folder of CHART-VERSION.tgz files";
            case "image_registry" -> "add 'image_registry: registry.example.internal:5000' under sources: "
                    + "the registry 'vectorweight bundle import' pushes the images to";
            default -> "add sources." + key;
        };
    }
}
