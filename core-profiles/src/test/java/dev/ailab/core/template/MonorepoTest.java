package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A monorepo is found by walking up from the folder a new project goes into; the nearest project decides. */
class MonorepoTest {
    @TempDir
    Path dir;

    static Path project(Path folder, String template) throws IOException {
        Path profile = folder.resolve(ProjectGenerator.PROFILE_FILE);
        Files.createDirectories(profile.getParent());
        Files.writeString(profile, "profile: standard\ntemplate: " + template + "\ntemplate_source: built-in\n");
        return folder;
    }

    @Test
    void foundFromAnyFolderBelowItsRootEvenOneNotMadeYet() throws IOException {
        Path root = project(dir.resolve("platform"), "monorepo");
        Files.createDirectories(root.resolve("services"));

        for (Path start : new Path[] {root, root.resolve("services"), root.resolve("services/new/deeper")}) {
            assertThat(Monorepo.enclosing(start)).as("from %s", start).isEqualTo(new Monorepo(root, "platform"));
        }
        assertThat(Monorepo.enclosing(root.resolve("services/../services"))).isEqualTo(new Monorepo(root, "platform"));
    }

    @Test
    void aProjectOfAnotherKindOnTheWayUpMeansNoMonorepo() throws IOException {
        Path root = project(dir.resolve("platform"), "monorepo");
        Path api = project(root.resolve("services/api"), "python");

        assertThat(Monorepo.enclosing(api)).isNull();
        assertThat(Monorepo.enclosing(api.resolve("src"))).isNull();
        assertThat(Monorepo.enclosing(root.resolve("services/web"))).isEqualTo(new Monorepo(root, "platform"));
    }

    @Test
    void noProjectAboveMeansNoMonorepo() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain/work"));
        assertThat(Monorepo.enclosing(plain)).isNull();
        // a folder named like the template is not a monorepo without its profile
        assertThat(Monorepo.enclosing(Files.createDirectories(dir.resolve("monorepo/services")))).isNull();
    }

    @Test
    void aServiceGetsTheMonorepoName() {
        assertThat(new Monorepo(dir, "platform").variables())
                .containsEntry("monorepo_name", "platform").containsEntry("in_monorepo", true).hasSize(2);
    }
}
