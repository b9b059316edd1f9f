package dev.ailab.sources.library;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.FileTrees;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.git.GitClient.GitRepository;
import dev.ailab.sources.git.GitErrors;
import dev.ailab.sources.git.GitProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The library's first clone ({@code ai-config init}): into a temporary folder beside
 * {@code library/}, checked to be a library, then moved into place, so a failure changes nothing.
 */
final class LibraryInit {
    private final Library library;

    LibraryInit(Library library) {
        this.library = library;
    }

    Library.InitResult run(String url, int depth, GitAuth auth, GitProgress progress) {
        long start = System.nanoTime();
        LibraryHome home = library.home();
        AuditLog audit = library.audit();
        String branch = library.branch();
        String client = library.git().clientName();
        if (library.isPresent()) {
            GitRepository r = library.repository();
            String current = GitErrors.redact(r.remoteUrl());
            if (url != null && !url.isBlank() && !sameRepository(r.remoteUrl(), url)) {
                audit.record("init", "refused", "another library is already present",
                        Map.of("library", home.library().toString(), "url", GitErrors.redact(url)));
                throw new InvalidInputException("a library from " + current + " is already at " + home.library()
                        + "; " + GitErrors.redact(url) + " was not cloned and nothing was changed",
                        "to switch, move " + home.library() + " aside (personal/ stays where it is) and run"
                                + " 'ai-config init " + GitErrors.redact(url) + "' again; to keep both, give the"
                                + " second one its own folder with --home DIR");
            }
            String head = r.resolve("HEAD");
            audit.record("init", "unchanged", "library already present", Map.of("library", home.library().toString()));
            return new Library.InitResult(false, current, branch, head, r.commit(head).subject(),
                    home.library(), client, 0, null);
        }
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("no library repository given",
                    "pass the URL: ai-config init REPO_URL, or set library.repository in the config");
        }
        Path target = home.library();
        if (Files.exists(target)) {
            throw new OperationFailedException(target + " exists but is not a git clone; nothing was changed",
                    "move it away (or pass --home to use another folder) and run init again");
        }
        Path temp = home.home().resolve(".library-clone-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectories(home.home());
            library.git().cloneBranch(url, branch, depth, temp, auth, progress);
            String note = checkManifest(temp, url);
            library.faultInjector().reached("init-before-move");
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Files.createDirectories(home.personal());
            Files.createDirectories(home.meta());
            AtomicFiles.writeString(home.meta().resolve("branch"), branch + "\n");
            if (home.personalElsewhere()) {
                // Later commands find personal/ without a config entry (a library.personal still wins).
                AtomicFiles.writeString(home.home().resolve(LibraryHome.PERSONAL_RECORD), home.personal() + "\n");
            }
            GitRepository r = library.repository();
            String head = r.resolve("HEAD");
            GitClient.Commit c = r.commit(head);
            library.versions().append(library.now(), "init", head, null, c.subject(), 0, 0, 0);
            long millis = (System.nanoTime() - start) / 1_000_000;
            audit.record("init", "ok", "cloned " + GitErrors.redact(url), Library.details("commit", head, "branch", branch,
                    "client", client, "millis", millis));
            return new Library.InitResult(true, GitErrors.redact(url), branch, head, c.subject(), target, client, millis, note);
        } catch (IOException e) {
            audit.record("init", "failed", e.getMessage(), Map.of());
            throw new UncheckedIOException("cannot create the library in " + home.home() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            audit.record("init", "failed", e.getMessage(), Map.of("url", GitErrors.redact(url)));
            throw e;
        } finally {
            FileTrees.deleteQuietly(temp);
        }
    }

    /** The same repository written two ways: credentials, a trailing ".git" or "/" and case of the host aside. */
    static boolean sameRepository(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static String normalized(String url) {
        String u = GitErrors.redact(url == null ? "" : url.trim()).replaceAll("://[^/@]*@", "://");
        u = u.replaceAll("/+$", "");
        u = u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
        return u.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Checks the optional {@code library.yaml}: a repository without one is a library too (any
     * repository of prompts works as it is), and the note returned says so; a manifest that is
     * there must be valid and of a format this version understands.
     */
    private static String checkManifest(Path dir, String url) {
        Path manifest = dir.resolve(Library.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return GitErrors.redact(url) + " has no " + Library.MANIFEST + "; it is used as a library as it is"
                    + " (add one with 'name:' and 'format: " + Library.FORMAT + "' to name it)";
        }
        dev.ailab.core.config.YamlSource source = dev.ailab.core.config.YamlSource.read(manifest);
        if (!source.parsed()) {
            dev.ailab.core.config.ConfigProblem p = source.problems().get(0);
            throw new InvalidInputException(Library.MANIFEST + " of " + GitErrors.redact(url) + " is not valid YAML (line "
                    + p.line() + ", column " + p.column() + ": " + p.message() + ")",
                    "fix the manifest in the library repository: " + p.hint());
        }
        try {
            JsonNode node = ConfigMapper.yaml().readTree(manifest.toFile());
            JsonNode format = node == null ? null : node.get("format");
            if (format != null && format.asInt(Library.FORMAT) > Library.FORMAT) {
                throw new InvalidInputException(Library.MANIFEST + " of " + GitErrors.redact(url) + " has format "
                        + format.asInt() + ", newer than this ai-config understands (" + Library.FORMAT + ")",
                        "upgrade ai-config");
            }
        } catch (IOException e) {
            throw new InvalidInputException(Library.MANIFEST + " of " + GitErrors.redact(url) + " is not valid YAML",
                    "fix the manifest in the library repository");
        }
        return null;
    }
}
