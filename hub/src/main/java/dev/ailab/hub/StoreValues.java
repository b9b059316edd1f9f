package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How values are written in the database, shared by the Hibernate converters and the plain JDBC
 * paths so both read and write exactly the same text: timestamps as fixed-width ISO-8601 UTC
 * with milliseconds (they sort as text on SQLite and PostgreSQL alike), dates as yyyy-MM-dd,
 * label sets as {@code ,a,b,}.
 */
public final class StoreValues {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}._:/+#@-]{1,64}");

    private StoreValues() {
    }

    public static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant instant(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }

    public static String now() {
        return instant(Instant.now());
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(String text) {
        return text == null || text.isEmpty() ? null : LocalDate.parse(text);
    }

    /**
     * Parses a due date given by a person: yyyy-MM-dd, or today, tomorrow, +Nd, +Nw.
     * Bad input is exit 2 naming the value.
     */
    public static LocalDate parseDate(String text, LocalDate today) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("today")) {
                return today;
            }
            if (t.equals("tomorrow")) {
                return today.plusDays(1);
            }
            if (t.matches("\\+\\d{1,4}[dw]")) {
                int n = Integer.parseInt(t.substring(1, t.length() - 1));
                return t.endsWith("w") ? today.plusWeeks(n) : today.plusDays(n);
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("invalid date '" + text + "'",
                    "write it as YYYY-MM-DD (for example 2026-12-31), or today, tomorrow, +3d, +2w");
        }
    }

    /** Checks and normalises labels (lower case, no duplicates, order kept). */
    public static List<String> labels(Collection<String> labels) {
        Set<String> out = new LinkedHashSet<>();
        if (labels != null) {
            for (String raw : labels) {
                for (String part : raw.split(",")) {
                    String l = part.trim().toLowerCase(Locale.ROOT);
                    if (l.isEmpty()) {
                        continue;
                    }
                    if (!LABEL.matcher(l).matches()) {
                        throw new InvalidInputException("invalid label '" + part.trim() + "'",
                                "labels are 1-64 letters, digits or . _ : / + # @ - (no spaces or commas)");
                    }
                    out.add(l);
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static String joinLabels(Collection<String> labels) {
        return labels == null || labels.isEmpty() ? "" : "," + String.join(",", labels) + ",";
    }

    public static List<String> splitLabels(String stored) {
        List<String> out = new ArrayList<>();
        if (stored != null) {
            for (String part : stored.split(",")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }
}
