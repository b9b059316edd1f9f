package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.io.XdgDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code bad-configs/} is refused with exactly the message recorded for it in
 * {@code bad-configs/expected-messages.txt} (blocks that start with {@code === FILE}). Run with
 * {@code -Dbadconfigs.update=true} to rewrite that file from the current messages, then review the diff.
 */
class BadConfigCorpusTest {
    private static final String EXPECTED = "expected-messages.txt";

    @TempDir
    Path tmp;

    static Path corpus() {
        try {
            return Path.of(BadConfigCorpusTest.class.getResource("/bad-configs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> expected() {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            String name = null;
            StringBuilder block = new StringBuilder();
            for (String line : Files.readAllLines(corpus().resolve(EXPECTED), StandardCharsets.UTF_8)) {
                if (line.startsWith("=== ")) {
                    if (name != null) {
                        out.put(name, block.toString().strip());
                    }
                    name = line.substring(4).trim();
                    block.setLength(0);
                } else if (name != null) {
                    block.append(line).append('\n');
                }
            }
            if (name != null) {
                out.put(name, block.toString().strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        return expected().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private ConfigLoader loader() {
        return new ConfigLoader(XdgDirs.from(Map.of("HOME", tmp.toString())), tmp, Map.of());
    }

    private String messageFor(Path file) {
        try {
            loader().validateFile(file);
        } catch (ConfigException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(e.problems()).isNotEmpty();
            return e.getMessage().replace(file.getParent() + "/", "");
        }
        return "(accepted)";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badConfigGetsTheExactMessage(String name, String expectedMessage) {
        assertThat(messageFor(corpus().resolve(name))).isEqualTo(expectedMessage);
    }

    @Test
    void everyCorpusFileHasAnExpectedMessageAndThereAreAtLeastThirty() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpus())) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(EXPECTED)).sorted().forEach(files::add);
        }
        if (Boolean.getBoolean("badconfigs.update")) {
            StringBuilder out = new StringBuilder();
            for (String name : files) {
                out.append("=== ").append(name).append('\n').append(messageFor(corpus().resolve(name))).append("\n\n");
            }
            Path source = Path.of("src/test/resources/bad-configs").resolve(EXPECTED);
            Files.writeString(source, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void hugeFileIsRefusedBeforeParsing() throws IOException {
        Path huge = tmp.resolve("huge.yaml");
        StringBuilder text = new StringBuilder("project_name: demo\nclusters:\n");
        int i = 0;
        while (text.length() <= YamlSource.MAX_BYTES) {
            text.append("  - name: c").append(i).append("\n    domain: c").append(i++).append(".example.com\n");
        }
        Files.writeString(huge, text);
        long size = Files.size(huge);
        assertThat(messageFor(huge)).isEqualTo("huge.yaml: file is too large (" + size
                + " bytes; the limit for a config file is 1 MiB)\n"
                + "  hint: a config file holds a few kilobytes of settings; check that this is the right file");
    }

    @Test
    void fileJustUnderTheLimitIsRead() throws IOException {
        Path big = tmp.resolve("big.yaml");
        StringBuilder text = new StringBuilder("project_name: demo\n");
        while (text.length() < YamlSource.MAX_BYTES - 100) {
            text.append("# padding padding padding padding padding padding padding padding\n");
        }
        Files.writeString(big, text);
        assertThat(loader().validateFile(big).projectName).isEqualTo("demo");
    }

    @Test
    void missingFileAndFolderAreCleanProblems() throws IOException {
        assertThatThrownBy(() -> loader().validateFile(tmp.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("nope.yaml: file not found\n"
                        + "  hint: check the path and its permissions");
        Files.createDirectories(tmp.resolve("dir.yaml"));
        assertThatThrownBy(() -> loader().validateFile(tmp.resolve("dir.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dir.yaml: is a folder, not a config file");
    }
}
