package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVerdictsTest {
    @TempDir
    Path cache;
    private final ObjectMapper json = ConfigMapper.json();

    @Test
    void aPassIsRememberedAndAProblemIsReportedEveryTime() throws IOException {
        SchemaVerdicts verdicts = new SchemaVerdicts(cache);
        JsonNode good = json.readTree("{\"store\": {\"url\": \"jdbc:sqlite:/tmp/x.db\"}}");
        JsonNode bad = json.readTree("{\"store\": {\"url\": \"mysql://x\"}}");
        assertThat(verdicts.check(good)).isEmpty();
        assertThat(markers()).containsExactly(SchemaVerdicts.key(good));
        assertThat(verdicts.check(good)).isEmpty();
        assertThat(verdicts.check(bad)).hasSize(1);
        assertThat(verdicts.check(bad)).hasSize(1);
        assertThat(markers()).hasSize(1);
    }

    @Test
    void theKeyTellsApartDocumentsThatDifferOnlyInTypeOrPlace() throws IOException {
        assertThat(SchemaVerdicts.key(json.readTree("{\"a\": 1}")))
                .isNotEqualTo(SchemaVerdicts.key(json.readTree("{\"a\": \"1\"}")))
                .isNotEqualTo(SchemaVerdicts.key(json.readTree("{\"a\": [1]}")))
                .isEqualTo(SchemaVerdicts.key(json.readTree("{\"a\": 1}")));
        assertThat(SchemaVerdicts.key(json.readTree("{\"a\": {\"b\": 1}}")))
                .isNotEqualTo(SchemaVerdicts.key(json.readTree("{\"a\": {}, \"b\": 1}")));
    }

    @Test
    void anUnwritableCacheOnlyMeansCheckingAgain() throws IOException {
        Path file = cache.resolve("not-a-folder");
        Files.writeString(file, "x");
        SchemaVerdicts verdicts = new SchemaVerdicts(file);
        assertThat(verdicts.check(json.readTree("{}"))).isEmpty();
        assertThat(verdicts.check(json.readTree("{\"store\": {\"url\": 5}}"))).isNotEmpty();
    }

    private java.util.List<String> markers() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
