package dev.ailab.core.config.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.ConfigLoader;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.io.XdgDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sources.mode and its fields, read from real files so the positions are the real ones. */
class SourcesModeRuleTest {
    @TempDir
    Path dir;

    private List<ConfigProblem> problems(String sources) throws IOException {
        Path file = dir.resolve("vw.yaml");
        Files.writeString(file, "project_name: lab\nclusters:\n  - name: edge\n    domain: edge.lab.internal\n" + sources);
        ConfigLoader loader = new ConfigLoader(XdgDirs.from(Map.of("HOME", dir.toString())), dir, Map.of());
        return loader.problems(file, ConfigRules.forDeployment());
    }

    @Test
    void eachModeWithItsOwnFieldsIsValid() throws IOException {
        assertThat(problems("sources:\n  mode: internet\n")).isEmpty();
        assertThat(problems("sources:\n  mode: airgapped_git\n  git_mirror: https://git.lab.internal/charts.git\n"
                + "  git_path_scheme: \"{chart}/{version}\"\n  image_registry: registry.lab.internal:5000\n")).isEmpty();
        assertThat(problems("sources:\n  mode: airgapped_archive\n  archive: /srv/lab.bundle\n  archive_sha256: "
                + "a".repeat(64) + "\n  image_registry: registry.lab.internal:5000\n")).isEmpty();
        assertThat(problems("sources:\n  mode: airgapped_archive\n  archive: /srv/lab.bundle\n  image_registry: r\n")).isEmpty();
        assertThat(problems("sources:\n  mode: local\n  local_path: /srv/charts\n  image_registry: r.lab.internal\n"
                + "  chart_repository: oci://r.lab.internal/charts\n")).isEmpty();
    }

    @Test
    void aModeWithoutItsFieldsIsReportedAtTheModeLine() throws IOException {
        List<ConfigProblem> found = problems("sources:\n  mode: airgapped_git\n");
        assertThat(found).extracting(ConfigProblem::message).containsExactly(
                "sources.mode airgapped_git needs sources.git_mirror and sources.image_registry");
        assertThat(found.get(0).line()).isEqualTo(6);
        assertThat(found.get(0).column()).isEqualTo(9);
        assertThat(found.get(0).hint()).contains("git_mirror:", "image_registry:");
    }

    @Test
    void anotherModesFieldIsReportedAtItsOwnLineWithTheModeItBelongsTo() throws IOException {
        List<ConfigProblem> found = problems("sources:\n  mode: internet\n  local_path: /srv/charts\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).isEqualTo(
                "sources.local_path does not belong to sources.mode internet (it is a field of local)");
        assertThat(found.get(0).line()).isEqualTo(7);
        assertThat(found.get(0).hint()).isEqualTo("remove sources.local_path, or set sources.mode to local");

        assertThat(problems("sources:\n  mode: airgapped_archive\n  archive: b.tar\n  archive_sha256: " + "b".repeat(64)
                + "\n  image_registry: r\n  git_mirror: https://git.lab.internal/charts.git\n"))
                .extracting(ConfigProblem::message)
                .containsExactly("sources.git_mirror does not belong to sources.mode airgapped_archive (it is a field of airgapped_git)");
    }
}
