package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.deployment.state.FileAction;
import dev.ailab.deployment.state.FileChange;
import dev.ailab.deployment.state.FileOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate over a real folder: re-runs, one-cluster changes, pruning, hand edits, crashes. */
class IdempotencyTest {
    private static final long OLD = 1_000_000_000L;

    @TempDir
    Path home;

    private Path out() {
        return home.resolve("out");
    }

    private Vectorweight vw() {
        return new Vectorweight(Fixtures.loader(home));
    }

    private Path config(String text) {
        return Fixtures.write(home, "vw.yaml", text);
    }

    private static String twoClusters(String secondSize, String secondStore) {
        return """
                project_name: lab
                environment: production
                clusters:
                  - name: one
                    domain: one.example.com
                    size: small
                    vector_store: qdrant
                  - name: two
                    domain: two.example.com
                    size: %s
                    vector_store: %s
                    cerbos_enabled: true
                github:
                  owner: me
                """.formatted(secondSize, secondStore);
    }

    /** Sets every file's mtime to a fixed old time and returns path -> mtime. */
    private Map<String, Long> ageAll() throws IOException {
        Map<String, Long> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(out())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.fromMillis(OLD));
                times.put(out().relativize(f).toString(), OLD);
            }
        }
        return times;
    }

    private List<String> touchedSince() throws IOException {
        try (Stream<Path> files = Files.walk(out())) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() != OLD;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).map(f -> out().relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void rerunWithUnchangedConfigTouchesNothing() throws IOException {
        Path cfg = config(twoClusters("medium", "weaviate"));
        vw().generate(cfg, out(), home, false);
        ageAll();
        Vectorweight.Outcome again = vw().generate(cfg, out(), home, false);
        assertThat(again.applied().nothingWritten()).isTrue();
        assertThat(again.applied().stateWritten()).isFalse();
        assertThat(again.plan().upToDate()).isTrue();
        assertThat(touchedSince()).isEmpty();
    }

    @Test
    void changingOneClusterRewritesOnlyItsFiles() throws IOException {
        vw().generate(config(twoClusters("medium", "weaviate")), out(), home, false);
        ageAll();
        Vectorweight.Outcome changed = vw().generate(config(twoClusters("large", "weaviate")), out(), home, false);
        assertThat(changed.applied().written()).isNotEmpty()
                .allMatch(p -> p.startsWith("clusters/two/") || p.equals("README.md"), "only cluster two's files and the README");
        assertThat(touchedSince()).allMatch(p -> p.startsWith("clusters/two/") || p.equals("README.md")
                || p.startsWith(".vectorweight/"));
        assertThat(touchedSince()).contains("clusters/two/values/base.yaml", ".vectorweight/state.json");
    }

    @Test
    void componentsNoLongerWantedArePrunedUnlessEdited() throws IOException {
        vw().generate(config(twoClusters("medium", "weaviate")), out(), home, false);
        Files.writeString(out().resolve("argocd/apps/two/weaviate.yaml"), "# my notes\n", java.nio.file.StandardOpenOption.APPEND);
        Vectorweight.Outcome switched = vw().generate(config(twoClusters("medium", "chroma")), out(), home, false);
        assertThat(switched.applied().deleted()).containsExactly("clusters/two/values/weaviate.yaml");
        assertThat(switched.applied().conflictsKept()).containsExactly("argocd/apps/two/weaviate.yaml");
        assertThat(out().resolve("argocd/apps/two/weaviate.yaml")).exists();
        assertThat(out().resolve("clusters/two/values/weaviate.yaml")).doesNotExist();
        assertThat(out().resolve("argocd/apps/two/chroma.yaml")).exists();
    }

    @Test
    void switchingEnginesIsAPlanThatPrunesTheOldEngineAndKeepsItsEditedFiles() throws IOException {
        vw().generate(config(twoClusters("medium", "weaviate")), out(), home, false);
        Files.writeString(out().resolve("argocd/apps/two/weaviate.yaml"), "# my notes\n", java.nio.file.StandardOpenOption.APPEND);
        Path flux = config(twoClusters("medium", "weaviate") + "gitops:\n  engine: flux\n");
        Vectorweight.Outcome switched = vw().generate(flux, out(), home, false);
        assertThat(switched.applied().conflictsKept()).containsExactly("argocd/apps/two/weaviate.yaml");
        assertThat(switched.applied().deleted()).contains("argocd/root.yaml", "argocd/project.yaml", "values/argocd.yaml",
                "argocd/apps/one/base.yaml").noneMatch(p -> p.startsWith("clusters/"));
        assertThat(switched.applied().written()).contains("flux/one/flux-system/sync.yaml", "flux/two/releases/weaviate.yaml");
        assertThat(out().resolve("argocd/root.yaml")).doesNotExist();
        assertThat(Files.readString(out().resolve("deploy.sh"))).contains("FLUX_VERSION=");
        Vectorweight.Outcome again = vw().plan(flux, out(), home);
        assertThat(again.plan().upToDate()).isTrue();
        Vectorweight.Outcome back = vw().generate(config(twoClusters("medium", "weaviate")), out(), home, false);
        assertThat(back.applied().deleted()).contains("flux/one/flux-system/sync.yaml");
        assertThat(out().resolve("flux")).doesNotExist();
    }

    @Test
    void overrideFilesAreNeverTouched() throws IOException {
        Path cfg = config(twoClusters("medium", "weaviate"));
        vw().generate(cfg, out(), home, false);
        Path override = out().resolve("clusters/two/overrides/weaviate.yaml");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "replicas: 3\n");
        Vectorweight.Outcome again = vw().generate(config(twoClusters("medium", "qdrant")), out(), home, true);
        assertThat(again.plan().changes()).extracting(FileChange::path).doesNotContain("clusters/two/overrides/weaviate.yaml");
        assertThat(Files.readString(override)).isEqualTo("replicas: 3\n");
    }

    @Test
    void handEditIsKeptUntilForced() throws IOException {
        Path cfg = config(twoClusters("medium", "weaviate"));
        vw().generate(cfg, out(), home, false);
        Path readme = out().resolve("README.md");
        Files.writeString(readme, "mine\n");
        Vectorweight.Outcome kept = vw().generate(config(twoClusters("large", "weaviate")), out(), home, false);
        assertThat(kept.applied().conflictsKept()).containsExactly("README.md");
        assertThat(Files.readString(readme)).isEqualTo("mine\n");
        assertThat(kept.applied().written()).contains("clusters/two/values/base.yaml");
        Vectorweight.Outcome forced = vw().generate(config(twoClusters("large", "weaviate")), out(), home, true);
        assertThat(forced.applied().conflictsOverwritten()).containsExactly("README.md");
        assertThat(Files.readString(readme)).startsWith("# lab deployment");
    }

    @Test
    void crashBetweenFilesAndStateIsReconciled() throws IOException {
        vw().generate(config(twoClusters("medium", "weaviate")), out(), home, false);
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        FileOps dying = new FileOps() {
            @Override
            public void write(Path file, byte[] content) {
                if (!file.getFileName().toString().endsWith(".pending") && writes.incrementAndGet() == 3) {
                    throw new IllegalStateException("injected crash");
                }
                FileOps.atomic().write(file, content);
            }

            @Override
            public void delete(Path file) {
                FileOps.atomic().delete(file);
            }
        };
        Vectorweight crashing = new Vectorweight(Fixtures.loader(home), new VectorweightGenerator(), dying);
        Path changed = config(twoClusters("large", "qdrant"));
        assertThatThrownBy(() -> crashing.generate(changed, out(), home, false)).hasMessageContaining("injected crash");
        assertThat(out().resolve(".vectorweight/state.json.pending")).exists();

        // back to the first config: files the dead run wrote are ours, not hand edits
        Vectorweight.Outcome recovered = vw().generate(config(twoClusters("medium", "weaviate")), out(), home, false);
        assertThat(recovered.plan().recovered()).isTrue();
        assertThat(recovered.plan().changes()).noneMatch(c -> c.action() == FileAction.CONFLICT);
        assertThat(out().resolve(".vectorweight/state.json.pending")).doesNotExist();
        assertThat(vw().plan(config(twoClusters("medium", "weaviate")), out(), home).plan().upToDate()).isTrue();
        assertThat(vw().store(out()).drift()).isEmpty();
    }
}
