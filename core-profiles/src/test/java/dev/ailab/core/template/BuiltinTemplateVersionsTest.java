package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A built-in template's files may not change without its version changing: {@code project update}
 * tells versions apart by number, so a changed template under an old number would look like "no
 * update" to every project made from it. {@code builtin-template-digests.txt} holds one line per
 * released {@code NAME VERSION DIGEST}; this test prints the line to add when a template changed.
 */
class BuiltinTemplateVersionsTest {
    static final String DIGESTS = "builtin-template-digests.txt";
    static final Path SOURCES = Path.of("src/main/resources/templates");

    /** SHA-256 over every file of the template folder (sorted path, then the file's own SHA-256). */
    static String digest(Path template) throws IOException {
        StringBuilder list = new StringBuilder();
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                list.append(template.relativize(f).toString().replace('\\', '/')).append('\n')
                        .append(Sha256.of(Files.readAllBytes(f))).append('\n');
            }
        }
        return Sha256.of(list.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** "NAME VERSION" to digest, from the checked-in file; a version listed twice fails. */
    static Map<String, String> recorded() throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        try (InputStream in = BuiltinTemplateVersionsTest.class.getResourceAsStream(DIGESTS)) {
            assertThat(in).as(DIGESTS + " on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                assertThat(f).as("line '%s' of %s: NAME VERSION DIGEST", line, DIGESTS).hasSize(3);
                String key = f[0] + " " + f[1];
                assertThat(lines).as("%s lists %s twice: a released version's digest never changes", DIGESTS, key)
                        .doesNotContainKey(key);
                lines.put(key, f[2]);
            }
        }
        return lines;
    }

    @Test
    void everyBuiltinTemplateMatchesTheDigestRecordedForItsVersion() throws IOException {
        Map<String, String> recorded = recorded();
        List<String> problems = new ArrayList<>();
        for (String name : TemplateCatalog.builtinNames()) {
            String version = TemplateCatalog.builtin(name).version();
            String now = digest(SOURCES.resolve(name));
            String was = recorded.get(name + " " + version);
            if (was == null) {
                problems.add("template " + name + " " + version + " has no digest yet: add the line '" + name + " " + version + " "
                        + now + "' to " + DIGESTS);
            } else if (!was.equals(now)) {
                problems.add("template " + name + " changed but is still version " + version + ": raise 'version' in "
                        + SOURCES.resolve(name).resolve("template.yaml") + " (say 1.2.0), then add the line '" + name
                        + " NEW_VERSION " + now + "' to " + DIGESTS + " (src/test/resources/dev/ailab/core/template/)");
            }
        }
        assertThat(problems).as("built-in templates whose files changed without a new version").isEmpty();
    }

    @Test
    void theDigestSeesAnyChangeToATemplatesFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path t = dir.resolve("t");
        Files.createDirectories(t.resolve("files/sub"));
        Files.writeString(t.resolve("template.yaml"), "name: t\nversion: 1.0.0\n");
        Files.writeString(t.resolve("files/sub/a.txt"), "a\n");
        String before = digest(t);
        Files.writeString(t.resolve("files/sub/a.txt"), "a!\n");
        String edited = digest(t);
        Files.move(t.resolve("files/sub/a.txt"), t.resolve("files/a.txt"));
        String moved = digest(t);
        assertThat(List.of(before, edited, moved)).doesNotHaveDuplicates();
    }
}
