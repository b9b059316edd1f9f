package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.io.XdgDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mangled copies of the example config (seeded, so a failure reproduces) are either accepted or
 * refused with a ConfigException whose every problem has a message and a position or a file;
 * nothing else ever escapes.
 */
class ConfigFuzzTest {
    private static final String NOISE = ":-[]{}#&*!|>'\"\t\n ,?%@`~0x.<<";

    @TempDir
    Path tmp;

    @Test
    void mangledConfigsNeverEscapeAsAnythingButConfigException() throws IOException {
        byte[] original = Files.readAllBytes(Path.of("../examples/config.yaml"));
        ConfigLoader loader = new ConfigLoader(XdgDirs.from(Map.of("HOME", tmp.toString())), tmp, Map.of());
        Random random = new Random(20261122);
        Path file = tmp.resolve("fuzz.yaml");
        int refused = 0;
        for (int round = 0; round < 250; round++) {
            StringBuilder text = new StringBuilder(new String(original, StandardCharsets.UTF_8));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    case 2 -> text.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    default -> {
                        int end = Math.min(text.length(), at + random.nextInt(40));
                        text.insert(random.nextInt(text.length()), text.substring(at, end));
                    }
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(20) == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Files.write(file, bytes);
            try {
                loader.validateFile(file);
            } catch (ConfigException e) {
                refused++;
                if (Boolean.getBoolean("fuzz.print")) {
                    e.problems().forEach(p -> System.out.println("FUZZ " + p.message()));
                }
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.message()).isNotBlank().doesNotContain("Exception");
                    assertThat(p.file()).isEqualTo(file);
                });
            }
        }
        assertThat(refused).as("the mangling must actually break files").isGreaterThan(60);
    }
}
