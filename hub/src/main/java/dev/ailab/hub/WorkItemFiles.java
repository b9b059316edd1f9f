package dev.ailab.hub;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Work items in files: JSON (an array of objects with the keys of {@link WorkItemRow} in
 * snake_case, as {@code work export} writes them) and CSV (a header row with the same names;
 * labels comma-separated inside one field). Reading checks every item before anything is
 * written and reports up to 20 problems, each with file, line and column.
 */
public final class WorkItemFiles {
    /** The columns, in export order. */
    public static final List<String> COLUMNS = List.of("id", "project", "title", "body", "status", "priority", "labels",
            "assignee", "due", "parent", "external_ref", "created", "updated");
    private static final Set<String> KNOWN = Set.copyOf(COLUMNS);
    private static final int MAX_PROBLEMS = 20;

    /** File formats. */
    public enum Format {
        json, csv;

        /** From the file name's extension; null when it says nothing. */
        public static Format guess(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.endsWith(".json") ? json : n.endsWith(".csv") ? csv : null;
        }
    }

    /** One item read from a file, with the id it had there (for parent links inside the file). */
    public record Entry(Long fileId, NewWorkItem item) {
    }

    private WorkItemFiles() {
    }

    // ------------------------------------------------------------ reading

    public static List<Entry> read(Reader reader, Format format, String name) {
        try {
            return format == Format.json ? readJson(reader, name) : readCsv(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static List<Entry> readJson(Reader reader, String name) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser p = new JsonFactory(mapper).createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new InvalidInputException(name + ":" + line(p.currentTokenLocation()) + ": expected a JSON array of work items",
                        "write [ {\"title\": \"...\"}, ... ] (the format 'ai-lab work export --format json' writes)");
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                index++;
                JsonLocation at = p.currentTokenLocation();
                String where = name + ":" + line(at) + ": item " + index + ": ";
                JsonNode node = p.readValueAsTree();
                if (node == null || !node.isObject()) {
                    problems.add(where + "expected an object");
                    continue;
                }
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    String text;
                    if (v.isNull()) {
                        text = null;
                    } else if (v.isArray()) {
                        List<String> parts = new ArrayList<>();
                        v.forEach(x -> parts.add(x.asText()));
                        text = String.join(",", parts);
                    } else if (v.isValueNode()) {
                        text = v.asText();
                    } else {
                        problems.add(where + "field '" + e.getKey() + "' must be a value, not an object");
                        continue;
                    }
                    fields.put(e.getKey(), text);
                }
                Entry entry = toEntry(fields, where, problems);
                if (entry != null) {
                    entries.add(entry);
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InvalidInputException(name + ":" + (l == null ? "?" : line(l)) + ": malformed JSON: " + e.getOriginalMessage(),
                    "fix the file; nothing was imported");
        }
        finish(problems, entries, name);
        return entries;
    }

    private static String line(JsonLocation l) {
        return l.getLineNr() + ":" + l.getColumnNr();
    }

    private static List<Entry> readCsv(Reader reader, String name) throws IOException {
        CsvReader csv = new CsvReader(reader);
        List<String> header = csv.next();
        if (header == null) {
            throw new InvalidInputException(name + ": empty CSV file", "the first line names the columns, for example: title,status,labels");
        }
        List<String> cols = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < cols.size(); i++) {
            if (!KNOWN.contains(cols.get(i))) {
                throw new InvalidInputException(name + ":1:" + (i + 1) + ": unknown column '" + header.get(i) + "'",
                        "known columns: " + String.join(", ", COLUMNS));
            }
        }
        if (!cols.contains("title")) {
            throw new InvalidInputException(name + ":1: no 'title' column", "known columns: " + String.join(", ", COLUMNS));
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        List<String> record;
        while ((record = csv.next()) != null) {
            int lineNo = csv.recordLine();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            index++;
            String where = name + ":" + lineNo + ": item " + index + ": ";
            if (record.size() != cols.size()) {
                problems.add(where + "has " + record.size() + " fields, the header has " + cols.size());
                continue;
            }
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                String v = record.get(i);
                fields.put(cols.get(i), v.isEmpty() ? null : v);
            }
            Entry entry = toEntry(fields, where, problems);
            if (entry != null) {
                entries.add(entry);
            }
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
        }
        if (csv.unterminatedQuote()) {
            problems.add(name + ":" + csv.recordLine() + ": a quoted field is never closed");
        }
        finish(problems, entries, name);
        return entries;
    }

    private static void finish(List<String> problems, List<Entry> entries, String name) {
        if (!problems.isEmpty()) {
            String more = problems.size() >= MAX_PROBLEMS ? "\n  (stopped after " + MAX_PROBLEMS + " problems)" : "";
            throw new InvalidInputException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems in " + name + ":\n  " + String.join("\n  ", problems) + more,
                    "fix the file and import again; nothing was imported");
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(name + ": no work items in the file", "nothing was imported");
        }
    }

    private static Entry toEntry(Map<String, String> f, String where, List<String> problems) {
        int before = problems.size();
        for (String key : f.keySet()) {
            if (!KNOWN.contains(key)) {
                problems.add(where + "unknown field '" + key + "' (known: " + String.join(", ", COLUMNS) + ")");
            }
        }
        String title = f.get("title");
        if (title == null || title.isBlank()) {
            problems.add(where + "missing 'title'");
        }
        WorkStatus status = parse(f.get("status"), WorkStatus::parse, where, "status", problems);
        Priority priority = parse(f.get("priority"), Priority::parse, where, "priority", problems);
        List<String> labels = parse(f.get("labels"), v -> StoreValues.labels(List.of(v)), where, "labels", problems);
        LocalDate due = parse(f.get("due"), v -> {
            try {
                return LocalDate.parse(v.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("invalid date '" + v + "' (write YYYY-MM-DD)");
            }
        }, where, "due", problems);
        Long id = parse(f.get("id"), WorkItemFiles::number, where, "id", problems);
        Long parent = parse(f.get("parent"), WorkItemFiles::number, where, "parent", problems);
        Instant created = parse(f.get("created"), WorkItemFiles::instant, where, "created", problems);
        Instant updated = parse(f.get("updated"), WorkItemFiles::instant, where, "updated", problems);
        if (problems.size() > before) {
            return null;
        }
        return new Entry(id, new NewWorkItem(title.strip(), f.get("body"), blankToNull(f.get("project")), status, priority,
                labels == null ? List.of() : labels, blankToNull(f.get("assignee")), due, parent,
                blankToNull(f.get("external_ref")), created, updated));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T parse(String value, Function<String, T> parser, String where, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (InvalidInputException e) {
            problems.add(where + field + ": " + e.getMessage() + (e.hint() != null ? " (" + e.hint() + ")" : ""));
            return null;
        }
    }

    private static Long number(String v) {
        try {
            long n = Long.parseLong(v.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid id '" + v + "' (a positive whole number)");
        }
    }

    private static Instant instant(String v) {
        try {
            return Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("invalid timestamp '" + v + "' (write ISO-8601 UTC, like 2026-11-22T10:00:00Z)");
        }
    }

    // ------------------------------------------------------------ writing

    /** Writes a JSON array, one object per item, streaming (no whole-store tree in memory). */
    public static JsonArrayWriter jsonWriter(Writer out) {
        return new JsonArrayWriter(out);
    }

    /** Streaming JSON array writer. */
    public static final class JsonArrayWriter implements AutoCloseable {
        private final JsonGenerator g;

        JsonArrayWriter(Writer out) {
            try {
                g = new JsonFactory().createGenerator(out);
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the caller owns the writer (maybe stdout)
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void write(WorkItemRow r) {
            try {
                g.writeStartObject();
                g.writeNumberField("id", r.id());
                field("project", r.project());
                field("title", r.title());
                field("body", r.body());
                field("status", r.status());
                field("priority", r.priority());
                g.writeArrayFieldStart("labels");
                for (String l : r.labels()) {
                    g.writeString(l);
                }
                g.writeEndArray();
                field("assignee", r.assignee());
                field("due", r.due());
                if (r.parent() != null) {
                    g.writeNumberField("parent", r.parent());
                }
                field("external_ref", r.externalRef());
                field("created", r.created());
                field("updated", r.updated());
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void field(String name, String value) throws IOException {
            if (value != null) {
                g.writeStringField(name, value);
            }
        }

        @Override
        public void close() {
            try {
                g.writeEndArray();
                g.writeRaw('\n');
                g.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes the CSV header line. */
    public static void csvHeader(Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
    }

    /** Writes one CSV record (RFC 4180 quoting, CRLF). */
    public static void csvRow(Writer out, WorkItemRow r) throws IOException {
        String[] cells = {Long.toString(r.id()), r.project(), r.title(), r.body(), r.status(), r.priority(),
                String.join(",", r.labels()), r.assignee(), r.due(), r.parent() == null ? null : r.parent().toString(),
                r.externalRef(), r.created(), r.updated()};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells[i];
            if (c == null) {
                continue;
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        out.write(sb.append("\r\n").toString());
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF. */
    static final class CsvReader {
        private final Reader in;
        private int line = 1;
        private int recordLine;
        private boolean unterminated;
        private int peeked = -2;

        CsvReader(Reader in) {
            this.in = in;
        }

        int recordLine() {
            return recordLine;
        }

        boolean unterminatedQuote() {
            return unterminated;
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        unterminated = true;
                    }
                    fields.add(field.toString());
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            peeked = n;
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                    fieldStart = false;
                }
                c = read();
            }
        }
    }
}
