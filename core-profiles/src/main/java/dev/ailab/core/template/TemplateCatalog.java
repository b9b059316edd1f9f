package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds templates by name: the user's own under {@code $XDG_CONFIG_HOME/ai-lab/templates/NAME}
 * first (so a user can replace a built-in one), then the ones shipped inside the jar.
 */
public final class TemplateCatalog {
    /** Classpath folder of the built-in templates; {@code index.txt} lists their names. */
    public static final String BUILTIN_ROOT = "/templates/";
    public static final String BUILTIN = "built-in";

    private final Path userTemplates;

    /** @param userTemplates the user's template folder, usually {@code $XDG_CONFIG_HOME/ai-lab/templates} */
    public TemplateCatalog(Path userTemplates) {
        this.userTemplates = userTemplates;
    }

    public Path userTemplates() {
        return userTemplates;
    }

    /** Names of the templates shipped in the jar, in the order of {@code index.txt}. */
    public static List<String> builtinNames() {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(BUILTIN_ROOT + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every template a name can reach: user ones, then built-in ones not shadowed by them. */
    public List<TemplatePack> list() {
        Map<String, TemplatePack> found = new LinkedHashMap<>();
        for (String name : userNames()) {
            found.put(name, TemplatePack.load(userTemplates.resolve(name), userTemplates.resolve(name).toString()));
        }
        for (String name : builtinNames()) {
            found.putIfAbsent(name, builtin(name));
        }
        return new ArrayList<>(found.values());
    }

    /** The template called {@code name}: the user's, else the built-in one. */
    public TemplatePack find(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new InvalidInputException("invalid template name '" + name + "'",
                    "give a template name (see 'ai-lab template list'), or a folder with --template-dir");
        }
        if (userTemplates != null) {
            Path dir = userTemplates.resolve(name);
            if (Files.isRegularFile(dir.resolve(TemplatePack.MANIFEST))) {
                return TemplatePack.load(dir, dir.toString());
            }
        }
        if (builtinNames().contains(name)) {
            return builtin(name);
        }
        List<String> known = new ArrayList<>(userNames());
        builtinNames().stream().filter(n -> !known.contains(n)).forEach(known::add);
        throw new InvalidInputException("unknown template '" + name + "'",
                "use one of: " + String.join(", ", known) + "; or --template-dir PATH, or a git URL with --vcs-ref");
    }

    private List<String> userNames() {
        if (userTemplates == null || !Files.isDirectory(userTemplates)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(userTemplates)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(TemplatePack.MANIFEST)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + userTemplates + ": " + e.getMessage(), e);
        }
    }

    /** A built-in template, read in place from the jar (or from target/classes in a build). */
    public static TemplatePack builtin(String name) {
        URL url = TemplateCatalog.class.getResource(BUILTIN_ROOT + name + "/" + TemplatePack.MANIFEST);
        if (url == null) {
            throw new InvalidInputException("unknown built-in template '" + name + "'",
                    "use one of: " + String.join(", ", builtinNames()));
        }
        try {
            URI uri = url.toURI();
            Path manifest;
            if ("jar".equals(uri.getScheme())) {
                try {
                    manifest = Path.of(uri);
                } catch (FileSystemNotFoundException e) {
                    try {
                        FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException raced) {
                        // another thread opened it first
                    }
                    manifest = Path.of(uri);
                }
            } else {
                manifest = Path.of(uri);
            }
            return TemplatePack.load(manifest.getParent(), BUILTIN);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open built-in template " + name + ": " + e.getMessage(), e);
        }
    }
}
