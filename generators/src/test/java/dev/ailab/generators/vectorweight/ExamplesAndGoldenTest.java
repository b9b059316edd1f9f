package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.io.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples in examples/vectorweight/ are exactly what {@code vectorweight init} writes and
 * all generate; the minimal and production outputs match their golden snapshots.
 *
 * <p>To accept an intended change of the output, regenerate the snapshots with
 * {@code ./mvnw -o -pl generators -am test -Dtest=ExamplesAndGoldenTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff in git.
 */
class ExamplesAndGoldenTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path EXAMPLES = MODULE.resolveSibling("examples").resolve("vectorweight");
    private static final Path GOLDEN = MODULE.resolve("src/test/resources/golden");

    @TempDir
    Path home;

    @Test
    void examplesAreTheInitTemplates() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - 5)));
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(StarterTemplates.NAMES);
        for (String name : StarterTemplates.NAMES) {
            assertThat(Files.readString(EXAMPLES.resolve(name + ".yaml"))).as(name).isEqualTo(StarterTemplates.text(name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "production", "airgapped", "vector-stores", "cerbos-auth", "production_full"})
    void everyExampleGenerates(String name) throws IOException {
        Vectorweight.Outcome outcome = new Vectorweight(Fixtures.loader(home))
                .generate(EXAMPLES.resolve(name + ".yaml"), home.resolve("out"), home, false);
        assertThat(outcome.applied().written()).contains("deploy.sh", "argocd/root.yaml", "charts/cluster-base/Chart.yaml");
        assertThat(home.resolve("out/.vectorweight/state.json")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "production", "airgapped", "vector-stores", "cerbos-auth", "production_full"})
    void everyExampleGeneratesForFluxAndARerunPlansNothing(String name) throws IOException {
        Path config = FluxOutputTest.fluxConfig(home, name);
        Vectorweight.Outcome outcome = new Vectorweight(Fixtures.loader(home)).generate(config, home.resolve("out"), home, false);
        assertThat(outcome.applied().written()).contains("deploy.sh", "charts/cluster-base/Chart.yaml")
                .anyMatch(p -> p.endsWith("/flux-system/sync.yaml")).noneMatch(p -> p.startsWith("argocd/"));
        assertThat(new Vectorweight(Fixtures.loader(home)).plan(config, home.resolve("out"), home).plan().upToDate()).isTrue();
        Path argo = EXAMPLES.resolve(name + ".yaml");
        new Vectorweight(Fixtures.loader(home)).generate(argo, home.resolve("argo"), home, false);
        assertThat(new Vectorweight(Fixtures.loader(home)).plan(argo, home.resolve("argo"), home).plan().upToDate()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "production"})
    void outputMatchesGoldenSnapshot(String name) throws IOException {
        GeneratedRepository repo = new VectorweightGenerator().generate(Fixtures.config(home, name));
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            FileTrees.delete(golden);
            for (Map.Entry<String, byte[]> e : repo.files().entrySet()) {
                Path f = golden.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
        }
        assertThat(golden).as("golden snapshot folder (see the class comment to make it with -Dgolden.update=true)").isDirectory();
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(golden)) {
            files.filter(Files::isRegularFile).forEach(f -> expected.add(golden.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(repo.files().keySet()).as("file list of " + name + " (see the class comment to regenerate)")
                .containsExactlyElementsOf(expected);
        for (String path : expected) {
            assertThat(new String(repo.files().get(path), StandardCharsets.UTF_8)).as(path)
                    .isEqualTo(Files.readString(golden.resolve(path)));
        }
    }
}
