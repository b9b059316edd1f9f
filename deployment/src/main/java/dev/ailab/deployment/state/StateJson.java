package dev.ailab.deployment.state;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and writes the state file with jackson-core's streaming parser and generator: a no-change
 * run must start in well under half a second, and a data-binding mapper costs more than the rest
 * of the run. Accepts any valid JSON of the shape (whitespace, escapes, key order, unknown keys).
 *
 * <p>The output is byte for byte what the first release (0.1.0) wrote with its hand-written
 * printer: two-space indentation, {@code "key": value}, one array element or object entry a line,
 * {@code []} and {@code {}} when empty, control characters other than tab, line feed and carriage
 * return as six-character escapes with lower-case hex digits, everything else (non-ASCII included) as UTF-8, and a
 * final line feed.
 */
final class StateJson {
    static final int FORMAT = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // characters outside the BMP as 4-byte UTF-8, as before, not as escaped surrogate pairs
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private StateJson() {
    }

    static byte[] write(ManagedState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 100 * s.files().size());
        try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new Layout());
            g.setCharacterEscapes(Escapes.INSTANCE);
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("generator", s.generator());
            g.writeStringField("generator_version", s.generatorVersion());
            g.writeStringField("input_hash", s.inputHash());
            g.writeArrayFieldStart("notes");
            for (String note : s.notes()) {
                g.writeString(note);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, String> e : s.files().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail; the generator does on a lone surrogate
            throw new UncheckedIOException("cannot write the state: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a state file's bytes (UTF-8, or any encoding JSON allows). A file that is not JSON, or
     * not of the shape, is an {@link IllegalArgumentException} whose message starts with the line
     * and column of the problem.
     */
    static ManagedState read(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return read(p);
        } catch (JsonProcessingException e) {
            throw malformed(e.getLocation(), withoutSource(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ManagedState read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw shape(p, "not a JSON object");
        }
        Object format = null;
        JsonLocation formatAt = null;
        String generator = null;
        String generatorVersion = null;
        String inputHash = null;
        List<String> notes = new ArrayList<>();
        TreeMap<String, String> files = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            switch (key) {
                case "format" -> {
                    formatAt = p.currentTokenLocation();
                    format = value == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : scalar(p, key);
                }
                case "generator" -> generator = scalar(p, key);
                case "generator_version" -> generatorVersion = scalar(p, key);
                case "input_hash" -> inputHash = scalar(p, key);
                case "notes" -> notes = notes(p);
                case "files" -> files = files(p);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw shape(p, "expected a key or '}'");
        }
        if (p.nextToken() != null) {
            throw shape(p, "trailing characters after the JSON object");
        }
        if (!Long.valueOf(FORMAT).equals(format)) {
            throw malformed(formatAt == null ? p.currentLocation() : formatAt, "unknown format " + format, null);
        }
        if (files == null) {
            throw malformed(p.currentLocation(), "no files object", null);
        }
        return new ManagedState(generator, generatorVersion, inputHash, files, notes);
    }

    /** A string, or the text of any other scalar (as the first release read it); null for null. */
    private static String scalar(JsonParser p, String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            throw shape(p, "\"" + key + "\" is not a string");
        }
        return p.getText();
    }

    private static List<String> notes(JsonParser p) throws IOException {
        List<String> notes = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            // the first release ignored a "notes" that was not an array
            p.skipChildren();
            return notes;
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (!t.isScalarValue()) {
                throw shape(p, "a note is not a string");
            }
            notes.add(t == JsonToken.VALUE_NULL ? "null" : p.getText());
        }
        return notes;
    }

    private static TreeMap<String, String> files(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw shape(p, "no files object");
        }
        TreeMap<String, String> files = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String path = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw shape(p, "hash of " + path + " is not a string");
            }
            files.put(path, p.getText());
        }
        return files;
    }

    /** Jackson names other places as "[Source: ...; line: 2, column: 12]"; the caller names the file. */
    private static String withoutSource(String message) {
        // compiled here, not in a static field: only a broken file pays for java.util.regex
        return Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]").matcher(message).replaceAll("line $1, column $2");
    }

    private static IllegalArgumentException shape(JsonParser p, String what) {
        return malformed(p.currentTokenLocation(), what, null);
    }

    private static IllegalArgumentException malformed(JsonLocation at, String what, Exception cause) {
        String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return new IllegalArgumentException(where + what, cause);
    }

    /** The first release's layout; see the class comment. */
    private static final class Layout implements PrettyPrinter {
        private int depth;

        private static void newLine(JsonGenerator g, int depth) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newLine(g, depth);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newLine(g, depth);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newLine(g, depth);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newLine(g, depth);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newLine(g, depth);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (values > 0) {
                newLine(g, depth);
            }
            g.writeRaw(']');
        }
    }

    /** Control characters as the first release wrote them: {@code \t \n \r} short, the others as six-character escapes (lower-case hex). */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final Escapes INSTANCE = new Escapes();

        private final int[] ascii = standardAsciiEscapesForJSON();
        private final SerializableString[] control = new SerializableString[0x20];

        private Escapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    ascii[c] = ESCAPE_CUSTOM;
                    control[c] = new SerializedString("\\u00" + Character.forDigit(c >> 4, 16) + Character.forDigit(c & 15, 16));
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < control.length ? control[ch] : null;
        }
    }
}
