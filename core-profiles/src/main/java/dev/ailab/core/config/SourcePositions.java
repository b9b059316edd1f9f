package dev.ailab.core.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;

/**
 * Positions of the keys and values of one read file by JSON pointer; the {@link SourceLocator}
 * of that file. A pointer to a missing value locates its nearest existing parent.
 */
public final class SourcePositions implements SourceLocator {
    private final Path file;
    private final Map<String, int[]> values = new LinkedHashMap<>();
    private final Map<String, int[]> keys = new LinkedHashMap<>();

    SourcePositions(Path file) {
        this.file = file;
    }

    /** The 1-based line of {@code mark}, 0 when unknown. */
    static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    /** The 1-based column of {@code mark}, 0 when unknown. */
    static int column(Mark mark) {
        return mark == null ? 0 : mark.getColumn() + 1;
    }

    void putValue(String pointer, Mark mark) {
        values.putIfAbsent(pointer, new int[] {line(mark), column(mark)});
    }

    void putKey(String pointer, Mark mark) {
        keys.putIfAbsent(pointer, new int[] {line(mark), column(mark)});
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int[] lineColumn(String pointer) {
        return find(values, pointer);
    }

    /** Where the key of {@code pointer} is written (for unknown keys); its value's position for list items. */
    public int[] keyLineColumn(String pointer) {
        int[] at = keys.get(pointer);
        return at != null ? at.clone() : find(values, pointer);
    }

    /** Whether the document holds a value at {@code pointer}. */
    public boolean has(String pointer) {
        return values.containsKey(pointer);
    }

    private static int[] find(Map<String, int[]> map, String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            int[] at = map.get(p);
            if (at != null) {
                return at.clone();
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }
}
