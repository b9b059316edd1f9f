package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTextTest {
    @TempDir
    Path dir;

    @Test
    void writtenAnswersReadBackExactly() throws Exception {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("python_version", "3.10");
        answers.put("on", "yes");
        answers.put("docker", true);
        answers.put("name", "a: b # c");
        answers.put("quote", "say \"hi\"\n\tbye");
        answers.put("empty", "");
        answers.put("services", List.of("auth", "0.5", "x y"));
        answers.put("none", List.of());
        answers.put("path", "/tmp/x-y/z.txt");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("project_name", "demo");
        doc.put("answers", answers);
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, YamlWriter.indented().write(doc));
        assertThat(YamlText.readMap(file)).isEqualTo(doc);
        assertThat(Files.readString(file)).contains("  python_version: \"3.10\"\n").contains("  docker: true\n")
                .contains("project_name: demo\n");
    }

    @Test
    void numbersStayText() throws Exception {
        Path file = dir.resolve("a.yaml");
        Files.writeString(file, "python_version: 3.10\ncount: 007\nflag: yes\nnothing: ~\n");
        assertThat(YamlText.readMap(file)).containsEntry("python_version", "3.10").containsEntry("count", "007")
                .containsEntry("flag", true).containsEntry("nothing", null);
    }

    @Test
    void syntaxErrorsAndDuplicateKeysNameLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "a: 1\nb: [1, 2\n");
        assertThatThrownBy(() -> YamlText.readMap(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(bad + ":3:1: ");
        Path dup = dir.resolve("dup.yaml");
        Files.writeString(dup, "a: 1\nb:\n  c: 1\n  c: 2\n");
        assertThatThrownBy(() -> YamlText.readMap(dup)).hasMessage(dup + ":4:3: duplicate key 'c'");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- a\n- b\n");
        assertThatThrownBy(() -> YamlText.readMap(list)).hasMessage(list + ":1:1: expected a map of key: value");
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        assertThat(YamlText.readMap(empty)).isEmpty();
    }
}
