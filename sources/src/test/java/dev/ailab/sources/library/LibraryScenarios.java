package dev.ailab.sources.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.ToolkitException;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.git.GitProgress;
import dev.ailab.sources.git.GitSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's promises, against real repositories: a bare upstream, an author committing to
 * it with JGit, and the library cloned from it. Run once per git implementation.
 */
abstract class LibraryScenarios {
    @TempDir
    Path tmp;
    Upstream upstream;
    LibraryHome home;
    Library library;

    abstract GitClient client();

    @BeforeEach
    void setUp() {
        upstream = new Upstream(tmp, true);
        home = LibraryHome.of(tmp.resolve("home"), null, tmp.resolve("state"));
        library = newLibrary();
    }

    Library newLibrary() {
        return new Library(home, GitSources.using(client()), "main", AuditLog.standard(home.auditFile()), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    void init() {
        library.init(upstream.url(), 0, GitAuth.none(), GitProgress.NONE);
    }

    Path lib(String p) {
        return home.library().resolve(p);
    }

    Path personal(String p) {
        return home.personal().resolve(p);
    }

    static void write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void freshCloneThenInitAgainChangesNothing() throws IOException {
        Library.InitResult r = library.init(upstream.url(), 0, GitAuth.none(), GitProgress.NONE);
        assertThat(r.created()).isTrue();
        assertThat(Files.readString(lib("prompts/review.md"))).isEqualTo("Review the change.\nBe kind.\n");
        assertThat(home.personal()).isDirectory();
        assertThat(library.versions().read()).hasSize(1);
        write(lib("prompts/review.md"), "my edit\n");
        Map<String, String> before = Upstream.tree(home.home());

        Library.InitResult again = newLibrary().init(upstream.url(), 0, GitAuth.none(), GitProgress.NONE);
        assertThat(again.created()).isFalse();
        assertThat(Upstream.tree(home.home())).isEqualTo(before);
        assertThat(Files.readString(home.auditFile())).contains("\"operation\":\"init\"");
    }

    @Test
    void noOpUpdateRecordsNothing() {
        init();
        UpdateReport r = library.update(false, GitAuth.none(), GitProgress.NONE);
        assertThat(r.upToDate()).isTrue();
        assertThat(r.applied()).isFalse();
        assertThat(library.versions().read()).hasSize(1);
    }

    @Test
    void upstreamChangesAreAppliedAndReported() throws IOException {
        init();
        String first = library.repository().resolve("HEAD");
        upstream.write("prompts/review.md", "Review carefully.\n").write("prompts/new.md", "new\n").delete("old/legacy.md");
        String second = upstream.commit("second");

        UpdateReport dry = library.update(true, GitAuth.none(), GitProgress.NONE);
        assertThat(dry.applied()).isFalse();
        assertThat(library.repository().resolve("HEAD")).isEqualTo(first);

        UpdateReport r = library.update(false, GitAuth.none(), GitProgress.NONE);
        assertThat(r.applied()).isTrue();
        assertThat(r.added()).containsExactly("prompts/new.md");
        assertThat(r.modified()).containsExactly("prompts/review.md");
        assertThat(r.deleted()).containsExactly("old/legacy.md");
        assertThat(r.commits()).isEqualTo(1);
        assertThat(r.from()).isEqualTo(first);
        assertThat(library.repository().resolve("HEAD")).isEqualTo(second);
        assertThat(Files.readString(lib("prompts/review.md"))).isEqualTo("Review carefully.\n");
        assertThat(lib("old/legacy.md")).doesNotExist();
        assertThat(library.versions().read()).extracting(VersionLog.Version::commit).containsExactly(first, second);
        assertThat(library.repository().refs("refs/ai-config/backups/")).containsValue(first);
    }

    @Test
    void localEditInAnotherFileIsKept() throws IOException {
        init();
        write(lib("prompts/explain.md"), "my local explanation\n");
        write(lib("notes/mine.txt"), "untracked note\n");
        write(personal("prompts/extra.md"), "personal\n");
        upstream.write("prompts/review.md", "Review carefully.\n");
        upstream.commit("second");

        UpdateReport r = library.update(false, GitAuth.none(), GitProgress.NONE);
        assertThat(r.applied()).isTrue();
        assertThat(r.keptEdits()).contains("prompts/explain.md", "notes/mine.txt");
        assertThat(Files.readString(lib("prompts/explain.md"))).isEqualTo("my local explanation\n");
        assertThat(Files.readString(lib("notes/mine.txt"))).isEqualTo("untracked note\n");
        assertThat(Files.readString(lib("prompts/review.md"))).isEqualTo("Review carefully.\n");
        assertThat(Files.readString(personal("prompts/extra.md"))).isEqualTo("personal\n");
    }

    @Test
    void localEditInTheSameFileStopsWithNothingApplied() throws IOException {
        init();
        String first = library.repository().resolve("HEAD");
        write(lib("prompts/review.md"), "my version\n");
        write(personal("agents/coder.yaml"), "name: mine\n");
        upstream.write("prompts/review.md", "their version\n").write("prompts/explain.md", "also changed\n");
        upstream.commit("second");
        Map<String, String> before = Upstream.tree(home.library());
        Map<String, String> personalBefore = Upstream.tree(home.personal());

        assertThatThrownBy(() -> library.update(false, GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(LibraryConflictException.class, e -> {
                    assertThat(e.paths()).containsExactly("prompts/review.md");
                    assertThat(e.getMessage()).contains("prompts/review.md").contains("nothing was changed");
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILED);
                });
        assertThat(library.repository().resolve("HEAD")).isEqualTo(first);
        assertThat(Upstream.tree(home.library())).isEqualTo(before);
        assertThat(Upstream.tree(home.personal())).isEqualTo(personalBefore);
        // both versions recoverable: ours on disk, theirs from the fetched commit
        assertThat(new String(library.upstream("prompts/review.md"))).isEqualTo("their version\n");
        assertThat(new String(library.committed("prompts/review.md"))).isEqualTo("Review the change.\nBe kind.\n");
        assertThat(library.versions().read()).hasSize(1);
    }

    @Test
    void personalOverrideOfAChangedFileIsReported() throws IOException {
        init();
        write(personal("prompts/review.md"), "my override\n");
        upstream.write("prompts/review.md", "Review carefully.\n");
        upstream.commit("second");

        UpdateReport r = library.update(false, GitAuth.none(), GitProgress.NONE);
        assertThat(r.shadowed()).containsExactly("prompts/review.md");
        assertThat(Files.readString(personal("prompts/review.md"))).isEqualTo("my override\n");
        Library.Shown shown = library.show("prompts/review.md");
        assertThat(shown.origin()).isEqualTo(Library.Origin.OVERRIDE);
        assertThat(new String(shown.content())).isEqualTo("my override\n");
    }

    @Test
    void deletedUpstreamFileWithAnOverrideBecomesAnOrphan() throws IOException {
        init();
        write(personal("old/legacy.md"), "my legacy\n");
        upstream.delete("old/legacy.md");
        upstream.commit("drop legacy");

        UpdateReport r = library.update(false, GitAuth.none(), GitProgress.NONE);
        assertThat(r.deleted()).containsExactly("old/legacy.md");
        assertThat(r.shadowed()).containsExactly("old/legacy.md");
        assertThat(lib("old/legacy.md")).doesNotExist();
        assertThat(Files.readString(personal("old/legacy.md"))).isEqualTo("my legacy\n");
        assertThat(library.status().orphanedOverrides()).containsExactly("old/legacy.md");
        assertThat(library.list("legacy.md")).singleElement()
                .satisfies(f -> assertThat(f.origin()).isEqualTo(Library.Origin.PERSONAL));
    }

    @Test
    void rollbackThenForwardAgainKeepsLocalEdits() throws IOException {
        init();
        String first = library.repository().resolve("HEAD");
        upstream.write("prompts/review.md", "v2\n");
        String second = upstream.commit("second");
        library.update(false, GitAuth.none(), GitProgress.NONE);
        write(lib("agents/coder.yaml"), "name: coder\nmodel: local\n");
        write(personal("p.md"), "p\n");

        UpdateReport back = library.rollback(null, false);
        assertThat(back.to()).isEqualTo(first);
        assertThat(library.repository().resolve("HEAD")).isEqualTo(first);
        assertThat(Files.readString(lib("prompts/review.md"))).isEqualTo("Review the change.\nBe kind.\n");
        assertThat(Files.readString(lib("agents/coder.yaml"))).isEqualTo("name: coder\nmodel: local\n");

        UpdateReport forward = library.update(false, GitAuth.none(), GitProgress.NONE);
        assertThat(forward.to()).isEqualTo(second);
        assertThat(Files.readString(lib("prompts/review.md"))).isEqualTo("v2\n");
        assertThat(Files.readString(lib("agents/coder.yaml"))).isEqualTo("name: coder\nmodel: local\n");
        assertThat(Files.readString(personal("p.md"))).isEqualTo("p\n");
        assertThat(library.versions().read()).extracting(VersionLog.Version::action)
                .containsExactly("init", "update", "rollback", "update");

        // a version number works too
        library.rollback("1", false);
        assertThat(library.repository().resolve("HEAD")).isEqualTo(first);
    }

    @Test
    void interruptedUpdateLeavesTheLibraryAsItWas() throws IOException {
        init();
        String first = library.repository().resolve("HEAD");
        write(lib("prompts/explain.md"), "local edit kept\n");
        write(lib("scratch.txt"), "untracked\n");
        Files.delete(lib("agents/coder.yaml"));
        write(personal("x.md"), "x\n");
        upstream.write("prompts/review.md", "v2\n").write("added/file.md", "new\n").delete("old/legacy.md");
        upstream.commit("second");
        Map<String, String> before = Upstream.tree(home.library());
        Map<String, String> personalBefore = Upstream.tree(home.personal());

        library.faults(point -> {
            if (point.equals("update-after-move")) {
                throw new IllegalStateException("simulated crash");
            }
        });
        assertThatThrownBy(() -> library.update(false, GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e ->
                        assertThat(e.getMessage()).contains("simulated crash").contains("rolled library/ back"));
        assertThat(library.repository().resolve("HEAD")).isEqualTo(first);
        assertThat(Upstream.tree(home.library())).isEqualTo(before);
        assertThat(Upstream.tree(home.personal())).isEqualTo(personalBefore);
        assertThat(library.versions().read()).hasSize(1);

        // and the next attempt goes through
        UpdateReport r = newLibrary().update(false, GitAuth.none(), GitProgress.NONE);
        assertThat(r.applied()).isTrue();
        assertThat(Files.readString(lib("prompts/explain.md"))).isEqualTo("local edit kept\n");
        assertThat(lib("agents/coder.yaml")).doesNotExist();
    }

    @Test
    void killedUpdateIsUndoneByTheNextRun() throws IOException {
        init();
        String first = library.repository().resolve("HEAD");
        write(lib("prompts/explain.md"), "local edit kept\n");
        write(lib("scratch.txt"), "untracked\n");
        upstream.write("prompts/explain.md", "Explain the code.\n").write("prompts/review.md", "v2\n")
                .write("added/file.md", "new\n").delete("old/legacy.md");
        upstream.commit("second");
        Map<String, String> before = Upstream.tree(home.library());

        // an Error is not caught by the automatic rollback: it stands for the process being killed
        library.faults(point -> {
            if (point.equals("update-after-move")) {
                throw new AssertionError("killed");
            }
        });
        assertThatThrownBy(() -> library.update(false, GitAuth.none(), GitProgress.NONE)).isInstanceOf(AssertionError.class);
        assertThat(library.interrupted()).isTrue();

        Library next = newLibrary();
        assertThat(next.recoverInterrupted()).contains("interrupted update was undone");
        assertThat(next.interrupted()).isFalse();
        assertThat(next.repository().resolve("HEAD")).isEqualTo(first);
        assertThat(Upstream.tree(home.library())).isEqualTo(before);
        assertThat(next.versions().read()).hasSize(1);
    }

    @Test
    void updateWithTheRemoteGoneFailsAsExternalAndChangesNothing() throws IOException {
        init();
        write(lib("prompts/explain.md"), "edit\n");
        Map<String, String> before = Upstream.tree(home.library());
        Files.move(upstream.bare, tmp.resolve("moved.git"));
        assertThatThrownBy(() -> newLibrary().update(false, GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL);
                    assertThat(e.hint()).isNotBlank();
                });
        assertThat(Upstream.tree(home.library())).isEqualTo(before);
        assertThat(library.versions().read()).hasSize(1);
    }

    @Test
    void unreachableUrlChangesNothing() {
        assertThatThrownBy(() -> library.init(tmp.resolve("missing.git").toUri().toString(), 0, GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL);
                    assertThat(e.getMessage()).contains("missing.git");
                });
        assertThat(Upstream.tree(home.home())).isEmpty();
    }

    @Test
    void repositoryWithoutAManifestIsALibraryWithANote() {
        Upstream plain = new Upstream(tmp.resolve("plain"), false);
        try {
            Library.InitResult r = library.init(plain.url(), 0, GitAuth.none(), GitProgress.NONE);
            assertThat(r.created()).isTrue();
            assertThat(r.note()).contains("has no " + Library.MANIFEST).contains("used as a library as it is");
            assertThat(home.library()).isDirectory();
        } finally {
            plain.close();
        }
    }

    @Test
    void initOfAnotherUrlOverALibrarySaysHowToSwitchAndChangesNothing() {
        library.init(upstream.url(), 0, GitAuth.none(), GitProgress.NONE);
        Map<String, String> before = Upstream.tree(home.home());
        assertThat(library.init(upstream.url() + "/", 0, GitAuth.none(), GitProgress.NONE).created())
                .as("the same repository written with a trailing slash is not another one").isFalse();
        assertThatThrownBy(() -> library.init("https://someone:s3cret@example.invalid/other.git", 0, GitAuth.none(),
                GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).contains("already at").contains("nothing was changed")
                            .doesNotContain("s3cret");
                    assertThat(e.hint()).contains("move").contains("ai-config init").contains("--home");
                });
        assertThat(Upstream.tree(home.home())).isEqualTo(before);
    }

    @Test
    void wrongBranchIsRefused() {
        Library other = new Library(home, GitSources.using(client()), "nope", AuditLog.standard(home.auditFile()), Clock.systemUTC());
        assertThatThrownBy(() -> other.init(upstream.url(), 0, GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.getMessage()).as(e.getMessage()).contains("branch 'nope'");
                    assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(ExitCodes.USAGE);
                });
        assertThat(home.library()).doesNotExist();
    }

    @Test
    void corruptGitFolderGivesAClearErrorAndChangesNothing() throws IOException {
        init();
        write(lib("prompts/explain.md"), "edit\n");
        Files.writeString(lib(".git/HEAD"), "garbage\n");
        Map<String, String> before = Upstream.tree(home.library());
        assertThatThrownBy(() -> newLibrary().update(false, GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).contains("not a valid git repository");
                });
        assertThat(Upstream.tree(home.library())).isEqualTo(before);
    }

    @Test
    void listSearchAndStatusUseTheEffectiveView() throws IOException {
        init();
        write(personal("prompts/review.md"), "Review with care, personally.\n");
        write(personal("mine/only.md"), "personal only\n");
        write(lib("prompts/explain.md"), "edited in place\n");

        assertThat(library.list("*.md")).extracting(Library.EffectiveFile::path, Library.EffectiveFile::origin)
                .contains(org.assertj.core.groups.Tuple.tuple("prompts/review.md", Library.Origin.OVERRIDE),
                        org.assertj.core.groups.Tuple.tuple("mine/only.md", Library.Origin.PERSONAL),
                        org.assertj.core.groups.Tuple.tuple("prompts/explain.md", Library.Origin.LIBRARY));
        assertThat(library.list("agents/**")).extracting(Library.EffectiveFile::path).containsExactly("agents/coder.yaml");
        assertThat(library.search("review", true, null)).extracting(Library.Match::path, Library.Match::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prompts/review.md", 1));
        write(lib("notes/untracked.md"), "a\nfind me\nb\nFIND ME too\n");
        write(personal("mine/two.md"), "find me\nx\nfind me\n");
        assertThat(library.search("find me", true, null)).extracting(Library.Match::path, Library.Match::line, Library.Match::origin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mine/two.md", 1, Library.Origin.PERSONAL),
                        org.assertj.core.groups.Tuple.tuple("mine/two.md", 3, Library.Origin.PERSONAL),
                        org.assertj.core.groups.Tuple.tuple("notes/untracked.md", 2, Library.Origin.LIBRARY),
                        org.assertj.core.groups.Tuple.tuple("notes/untracked.md", 4, Library.Origin.LIBRARY));
        assertThat(library.search("find me", false, "notes/*")).extracting(Library.Match::text).containsExactly("find me");
        Files.delete(lib("notes/untracked.md"));
        Library.Status s = library.status();
        assertThat(s.localEdits()).containsExactly("prompts/explain.md");
        assertThat(s.overrides()).containsExactly("prompts/review.md");
        assertThat(s.pending()).isEmpty();

        upstream.write("prompts/explain.md", "upstream edit\n");
        upstream.commit("second");
        library.update(true, GitAuth.none(), GitProgress.NONE);
        assertThat(library.status().pending()).extracting(GitClient.Change::path).containsExactly("prompts/explain.md");
    }
}
