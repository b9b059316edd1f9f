package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.profile.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A loaded template: its manifest and the folder holding {@code template.yaml} and {@code files/}.
 * The folder may sit on disk or inside the jar (a zip file system); both are read as {@link Path}s.
 *
 * @param origin where it came from, for people: {@code built-in}, a folder, or a git URL and ref
 */
public record TemplatePack(String name, TemplateManifest manifest, Path root, String origin) {
    public static final String MANIFEST = "template.yaml";
    public static final String FILES = "files";
    private static final Set<String> TYPES = Set.of("string", "bool", "choice", "list");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Path files() {
        return root.resolve(FILES);
    }

    public String version() {
        return manifest.version;
    }

    /** Reads and checks {@code dir/template.yaml}. Errors name the file, line and column. */
    public static TemplatePack load(Path dir, String origin) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("not a template folder: " + dir + " has no " + MANIFEST,
                    "a template is a folder with template.yaml and files/; see docs/templates.md");
        }
        TemplateManifest manifest = ManifestReader.read(file);
        if (manifest == null) {
            throw new InvalidInputException(file + ": empty template manifest", "give it at least a name and a basic tier");
        }
        String name = manifest.name != null && !manifest.name.isBlank() ? manifest.name
                : dir.getFileName() == null ? "template" : dir.getFileName().toString().replaceAll("/$", "");
        manifest.name = name;
        check(file, manifest);
        return new TemplatePack(name, manifest, dir, origin);
    }

    private static void check(Path file, TemplateManifest m) {
        for (Map.Entry<String, List<TemplateManifest.FileRule>> tier : m.tiers.entrySet()) {
            try {
                Profile.parse(tier.getKey());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(file + ": unknown tier '" + tier.getKey() + "'",
                        "tiers are basic, standard and advanced");
            }
            if (tier.getValue() == null) {
                continue;
            }
            for (TemplateManifest.FileRule rule : tier.getValue()) {
                if (rule == null || rule.path == null || rule.path.isBlank()) {
                    throw new InvalidInputException(file + ": a file entry of tier '" + tier.getKey() + "' has no path",
                            "write the path under files/, or { path: ..., to: ..., when: ... }");
                }
                if (rule.delimiters != null) {
                    MustacheRenderer.Delimiters.parse(rule.delimiters);
                }
                if (rule.when != null) {
                    Conditions.check(rule.when, file);
                }
            }
        }
        if (m.tiers.isEmpty()) {
            throw new InvalidInputException(file + ": no tiers", "list the files of at least the basic tier under tiers: basic:");
        }
        Set<String> seen = new HashSet<>();
        for (TemplateManifest.Question q : m.questions) {
            if (q.name == null || !IDENTIFIER.matcher(q.name).matches()) {
                throw new InvalidInputException(file + ": question name '" + q.name + "' is not an identifier",
                        "use letters, digits and '_', starting with a letter");
            }
            if (!seen.add(q.name)) {
                throw new InvalidInputException(file + ": question '" + q.name + "' is asked twice", "give each question its own name");
            }
            q.type = q.type == null ? "string" : q.type.toLowerCase(Locale.ROOT);
            if (!TYPES.contains(q.type)) {
                throw new InvalidInputException(file + ": question '" + q.name + "' has unknown type '" + q.type + "'",
                        "use one of: string, bool, choice, list");
            }
            if (q.type.equals("choice") && q.choices.isEmpty()) {
                throw new InvalidInputException(file + ": question '" + q.name + "' is a choice without choices",
                        "list the allowed values under choices:");
            }
            if (q.pattern != null) {
                try {
                    Pattern.compile(q.pattern);
                } catch (PatternSyntaxException e) {
                    throw new InvalidInputException(file + ": question '" + q.name + "' has an invalid pattern: "
                            + e.getDescription(), "write a Java regular expression");
                }
            }
        }
    }
}
