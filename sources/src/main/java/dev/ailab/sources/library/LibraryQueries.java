package dev.ailab.sources.library;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.io.Glob;
import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.git.GitClient.GitRepository;
import dev.ailab.sources.library.Library.EffectiveFile;
import dev.ailab.sources.library.Library.Match;
import dev.ailab.sources.library.Library.Origin;
import dev.ailab.sources.library.Library.Shown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reading the effective view, the library overlaid with personal/ (a personal file wins over
 * the library file at the same path): list, search, show, and a file's committed or upstream
 * content. Reads only; the index it refreshes is a cache.
 */
final class LibraryQueries {
    private final Library library;
    private final LibraryHome home;

    LibraryQueries(Library library) {
        this.library = library;
        this.home = library.home();
    }

    /** Refreshes and saves the index; cheap when nothing changed. */
    LibraryIndex index() {
        return index(true);
    }

    private LibraryIndex index(boolean namesOnly) {
        LibraryIndex index = LibraryIndex.load(home.indexFile());
        index.refresh(home.library(), home.personal(), namesOnly);
        index.saveIfChanged();
        return index;
    }

    /** The effective view, filtered by an optional glob. */
    List<EffectiveFile> list(String glob) {
        return list(glob, true);
    }

    private List<EffectiveFile> list(String glob, boolean namesOnly) {
        LibraryIndex index = index(namesOnly);
        Glob matcher = matcher(glob);
        Map<String, EffectiveFile> view = new TreeMap<>();
        for (LibraryIndex.Entry e : index.library().values()) {
            if (matches(matcher, glob, e.path())) {
                view.put(e.path(), new EffectiveFile(e.path(), Origin.LIBRARY, e.size()));
            }
        }
        for (LibraryIndex.Entry e : index.personal().values()) {
            if (matches(matcher, glob, e.path())) {
                Origin o = index.library().containsKey(e.path()) ? Origin.OVERRIDE : Origin.PERSONAL;
                view.put(e.path(), new EffectiveFile(e.path(), o, e.size()));
            }
        }
        return new ArrayList<>(view.values());
    }

    /** The pattern with git's meaning ({@code **} spans zero or more folders), or null for everything. */
    private static Glob matcher(String glob) {
        if (glob == null || glob.isBlank()) {
            return null;
        }
        try {
            return Glob.of(glob);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid pattern '" + glob + "': " + e.getMessage(),
                    "use * for any name, ** for any folders (also none), ? for one character, e.g. 'prompts/**/*.md'");
        }
    }

    private static boolean matches(Glob m, String glob, String path) {
        return m == null || m.matches(path);
    }

    /**
     * Lines of the effective view containing {@code text}. With the git command, library/ is
     * searched by {@code git grep} (multi-threaded, reads only the working tree); personal/ and the
     * JGit fallback are searched here.
     */
    List<Match> search(String text, boolean ignoreCase, String glob) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("nothing to search for", "give the text: ai-config library search TEXT");
        }
        Glob matcher = matcher(glob);
        List<GitClient.GrepHit> hits = library.isPresent() ? library.repository().grep(text, ignoreCase) : null;
        if (hits == null) {
            return searchFiles(list(glob, true), text, ignoreCase);
        }
        List<EffectiveFile> personal = new ArrayList<>();
        Set<String> personalPaths = new HashSet<>();
        if (Files.isDirectory(home.personal())) {
            try (Stream<Path> walk = Files.walk(home.personal())) {
                walk.filter(Files::isRegularFile).forEach(f -> {
                    String rel = LibraryIndex.relative(home.personal(), f);
                    if (rel.startsWith(".st") || rel.equals(".DS_Store")) {
                        return;
                    }
                    personalPaths.add(rel);
                    if (matches(matcher, glob, rel)) {
                        Origin o = Files.isRegularFile(home.library().resolve(rel)) ? Origin.OVERRIDE : Origin.PERSONAL;
                        personal.add(new EffectiveFile(rel, o, 0));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + home.personal() + ": " + e.getMessage(), e);
            }
        }
        List<Match> found = new ArrayList<>(searchFiles(personal, text, ignoreCase));
        for (GitClient.GrepHit h : hits) {
            if (!personalPaths.contains(h.path()) && matches(matcher, glob, h.path())) {
                found.add(new Match(h.path(), Origin.LIBRARY, h.line(), h.text().strip()));
            }
        }
        found.sort(Comparator.comparing(Match::path).thenComparingInt(Match::line));
        return found;
    }

    private List<Match> searchFiles(List<EffectiveFile> files, String text, boolean ignoreCase) {
        String needle = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        return files.parallelStream().flatMap(f -> {
            Path file = (f.origin() == Origin.LIBRARY ? home.library() : home.personal()).resolve(f.path());
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (isBinary(bytes)) {
                    return Stream.empty();
                }
                List<Match> found = new ArrayList<>();
                String content = new String(bytes, StandardCharsets.UTF_8);
                String hay = ignoreCase ? content.toLowerCase(Locale.ROOT) : content;
                int from = 0;
                int line = 1;
                int lineStart = 0;
                int scanned = 0;
                int idx;
                while ((idx = hay.indexOf(needle, from)) >= 0) {
                    for (int i = scanned; i < idx; i++) {
                        if (content.charAt(i) == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                    }
                    scanned = idx;
                    int end = content.indexOf('\n', idx);
                    end = end < 0 ? content.length() : end;
                    found.add(new Match(f.path(), f.origin(), line, content.substring(lineStart, end).strip()));
                    from = end + 1;
                    if (from > content.length()) {
                        break;
                    }
                }
                return found.stream();
            } catch (IOException e) {
                return Stream.empty();
            }
        }).sorted(Comparator.comparing(Match::path).thenComparingInt(Match::line)).toList();
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The effective content of one file. */
    Shown show(String path) {
        String rel = safeRelative(path);
        Path personal = home.personal().resolve(rel);
        Path inLibrary = home.library().resolve(rel);
        try {
            if (Files.isRegularFile(personal)) {
                return new Shown(rel, Files.isRegularFile(inLibrary) ? Origin.OVERRIDE : Origin.PERSONAL, personal,
                        Files.readAllBytes(personal));
            }
            if (Files.isRegularFile(inLibrary) && !rel.startsWith(".git/")) {
                return new Shown(rel, Origin.LIBRARY, inLibrary, Files.readAllBytes(inLibrary));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rel + ": " + e.getMessage(), e);
        }
        throw new InvalidInputException("no file '" + rel + "' in the library or in personal/",
                "list the files with 'ai-config library list'");
    }

    /** Normalises a path given by the user and refuses one that leaves the library. */
    static String safeRelative(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("no path given", "give a path relative to the library, e.g. prompts/review.md");
        }
        Path p = Path.of(path).normalize();
        if (p.isAbsolute() || p.startsWith("..") || p.toString().isEmpty()) {
            throw new InvalidInputException("path '" + path + "' is outside the library",
                    "give a path relative to the library, e.g. prompts/review.md");
        }
        return p.toString().replace('\\', '/');
    }

    /** Content of {@code path} in the library's current commit, or null. */
    byte[] committed(String path) {
        GitRepository r = library.repository();
        return r.show(Library.requireHead(r), safeRelative(path));
    }

    /** Content of {@code path} at the last fetched upstream commit, or null. */
    byte[] upstream(String path) {
        GitRepository r = library.repository();
        String fetched = r.resolve("refs/remotes/origin/" + library.branch());
        return fetched == null ? null : r.show(fetched, safeRelative(path));
    }
}
