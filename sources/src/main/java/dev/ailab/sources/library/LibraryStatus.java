package dev.ailab.sources.library;

import dev.ailab.sources.git.GitClient.Change;
import dev.ailab.sources.git.GitClient.GitRepository;
import java.util.List;

/**
 * Where the library stands ({@code ai-config library status}): its commit, what the last fetch
 * brought and is not applied yet, the local edits in library/, and the personal files that
 * override a library file, including those whose library file upstream has since deleted.
 */
final class LibraryStatus {
    private final Library library;

    LibraryStatus(Library library) {
        this.library = library;
    }

    /** Library vs personal vs local edits vs what the last fetch brought. */
    Library.Status status() {
        GitRepository r = library.repository();
        String head = Library.requireHead(r);
        String fetched = r.resolve("refs/remotes/origin/" + library.branch());
        List<Change> pending = fetched == null || fetched.equals(head) ? List.of() : r.diff(head, fetched);
        List<String> local = r.localChanges().stream().sorted().toList();
        LibraryIndex index = library.index();
        List<String> overrides = index.personal().keySet().stream().filter(index.library()::containsKey).toList();
        List<String> orphans = orphanedOverrides(index);
        List<VersionLog.Version> all = library.versions().read();
        VersionLog.Version current = all.stream().filter(v -> v.commit().equals(head)).reduce((a, b) -> b).orElse(null);
        return new Library.Status(library.branch(), head, r.commit(head).subject(), fetched, pending, local, overrides, orphans,
                index.library().size() + (int) index.personal().keySet().stream().filter(p -> !index.library().containsKey(p)).count(),
                current);
    }

    /** Personal files that overrode a library file the upstream has since deleted. */
    List<String> orphanedOverrides(LibraryIndex index) {
        return Library.readLines(library.home().orphansFile()).stream()
                .filter(p -> index.personal().containsKey(p) && !index.library().containsKey(p)).toList();
    }
}
