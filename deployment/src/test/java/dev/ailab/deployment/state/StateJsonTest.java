package dev.ailab.deployment.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.OperationFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The state file format: files written by release 0.1.0 (its hand-written printer) are test data here. */
class StateJsonTest {
    @TempDir
    Path dir;

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StateJsonTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void readsAStateFileWrittenByVectorweight010() throws IOException {
        ManagedState s = StateJson.read(fixture("state-v0.1.0.json"));
        assertThat(s.generator()).isEqualTo("vectorweight");
        assertThat(s.generatorVersion()).isEqualTo("1");
        assertThat(s.inputHash()).isEqualTo("db38ef3a8926a97086d024bd08932e7e62df7f1fd8eb451f3591a29f735cd9bc");
        assertThat(s.notes()).singleElement().asString().startsWith("auto_create_repositories: not yet available;");
        assertThat(s.files()).hasSize(26)
                .containsEntry("deploy.sh", "879b97b1d5b4f658e0733cb3599343c9c401cdcf53c4b3462e73b7e1e9bb6343")
                .containsEntry("values/argocd.yaml", "4867b3ba7dde850204665a253006914d472a7a19e05dddefadada5c368fa0405");
        assertThat(s.files().firstKey()).isEqualTo(".gitignore");
    }

    @Test
    void readsOddPathsNotesAndNullsWrittenBy010() throws IOException {
        ManagedState s = StateJson.read(fixture("state-v0.1.0-odd.json"));
        assertThat(s.generator()).isEqualTo("gen");
        assertThat(s.generatorVersion()).isEqualTo("0.1.0");
        assertThat(s.inputHash()).isNull();
        assertThat(s.notes()).containsExactly("warning: \"quoted\"\nsecond line", "tab\there, bell\u0007, del\u007f, nbsp\u00a0",
                "</script> & 'single'");
        assertThat(s.files()).containsOnlyKeys("back\\slash/\u0001ctl\r.txt", "dir/we\"ird n\u00e4me\t.txt",
                "emoji/\ud83d\ude80 \u4e2d\u6587.md", "slash/a/b.yaml");

        ManagedState empty = StateJson.read(fixture("state-v0.1.0-empty.json"));
        assertThat(empty).isEqualTo(ManagedState.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"state-v0.1.0.json", "state-v0.1.0-odd.json", "state-v0.1.0-empty.json"})
    void writesTheSameBytesAs010(String name) throws IOException {
        byte[] old = fixture(name);
        assertThat(new String(StateJson.write(StateJson.read(old)), StandardCharsets.UTF_8))
                .isEqualTo(new String(old, StandardCharsets.UTF_8));
        assertThat(StateJson.write(StateJson.read(old))).isEqualTo(old);
    }

    @Test
    void roundTrips() {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("a/\u00fcber \"x\".yaml", "h1");
        files.put("b\\c\u001f\b\f.txt", "h2");
        files.put("\ud83e\udd16/\u0000", "h3");
        ManagedState s = new ManagedState("vectorweight", "2", "abc", files, List.of("one", "", "l1\nl2\r\n\u2028"));
        assertThat(StateJson.read(StateJson.write(s))).isEqualTo(s);
        String json = new String(StateJson.write(s), StandardCharsets.UTF_8);
        assertThat(json).contains("\"b\\\\c\\u001f\\u0008\\u000c.txt\": \"h2\"").contains("\"\ud83e\udd16/\\u0000\"")
                .startsWith("{\n  \"format\": 1,\n").endsWith("\n  }\n}\n");
    }

    @Test
    void acceptsAnyLayoutKeyOrderAndUnknownKeys() {
        String json = "{\"files\":{\"x\":\"1\"},\"later\":{\"a\":[1,{\"b\":null}]},\"notes\":[\"n\",3],\r\n\t\"format\":1}";
        ManagedState s = StateJson.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(s.files()).containsOnlyKeys("x");
        assertThat(s.notes()).containsExactly("n", "3");
        assertThat(s.generator()).isNull();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            { not json                                        | line 1, column 3: Unexpected character ('n'
            '{"format": 1,\\n  "files": {"a": "h"'             | line 2, column 21: Unexpected end-of-input: expected close marker for Object (start marker at line 2, column 12)
            '{"format": 1,\\n "files": {"a": 7}}'              | line 2, column 17: hash of a is not a string
            '{"format": 2, "files": {}}'                      | line 1, column 12: unknown format 2
            '{"files": {}}'                                   | unknown format null
            '{"format": 1}'                                   | no files object
            '[1]'                                             | line 1, column 1: not a JSON object
            '{"format": 1, "files": {}} {}'                   | line 1, column 28: trailing characters
            ''                                                | not a JSON object
            """)
    void malformedFilesAreAClearFailureNamingTheFileAndPlace(String content, String message) throws IOException {
        Path state = dir.resolve(".gen/state.json");
        Files.createDirectories(state.getParent());
        Files.writeString(state, content.replace("\\n", "\n"));
        StateStore store = new StateStore(dir, ".gen/state.json");
        assertThatThrownBy(store::current).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("the state file " + state + " is unreadable: ")
                .hasMessageContaining(message);
    }

    @Test
    void invalidUtf8IsAClearFailureToo() throws IOException {
        Path state = dir.resolve("state.json");
        Files.write(state, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
        StateStore store = new StateStore(dir, "state.json");
        assertThatThrownBy(store::current).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining(state.toString()).hasMessageContaining("line 1, column");
    }

    @Test
    void aStoreReadsA010StateFileAndKeepsItsBytesWhenNothingChanges() throws IOException {
        Path state = dir.resolve(".vectorweight/state.json");
        Files.createDirectories(state.getParent());
        Files.write(state, fixture("state-v0.1.0.json"));
        StateStore store = new StateStore(dir, ".vectorweight/state.json");
        assertThat(store.current().files()).hasSize(26);
        assertThat(StateStore.serialize(store.current())).isEqualTo(fixture("state-v0.1.0.json"));
    }
}
