package dev.ailab.hub;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Small JDBC helpers shared by the repositories; the SQL they serve runs on SQLite and PostgreSQL alike. */
final class JdbcValues {
    /** The escape character of {@link #labelPattern}; write {@code LIKE ? ESCAPE '\'} with it. */
    static final String LIKE_ESCAPE = " ESCAPE '\\'";

    private JdbcValues() {
    }

    /**
     * A LIKE pattern that matches a stored {@code ,a,b,} set holding {@code label}. Labels may
     * contain {@code _}, LIKE's one-character wildcard, so it is escaped (with {@link #LIKE_ESCAPE}).
     */
    static String labelPattern(String label) {
        return "%," + escapeLike(label) + ",%";
    }

    /**
     * The condition "title or body contains the text, in any case" over two columns, with its
     * pattern in {@code args} twice; {@code %} and {@code _} in the text match only themselves.
     */
    static String containsText(String titleColumn, String bodyColumn, String text, java.util.List<? super String> args) {
        String pattern = "%" + escapeLike(text.toLowerCase(java.util.Locale.ROOT)) + "%";
        args.add(pattern);
        args.add(pattern);
        return " AND (lower(" + titleColumn + ") LIKE ?" + LIKE_ESCAPE + " OR lower(coalesce(" + bodyColumn + ", '')) LIKE ?"
                + LIKE_ESCAPE + ")";
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    static Double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
    }
}
