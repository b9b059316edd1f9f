package dev.ailab.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of project folders: register, list, archive, sync. Plain JDBC over the table the
 * {@link Project} entity maps, with the same value formats.
 */
public final class Projects {
    /** A project with its open work items and its last session's start. */
    private static final String SELECT = "SELECT p.id, p.name, p.path, p.template, p.profile, p.repository_url,"
            + " p.archived, p.archive_file, p.folder_missing, p.registered_at, p.synced_at,"
            + " (SELECT count(*) FROM work_item w WHERE w.project_id = p.id AND w.status <> 'done'),"
            + " (SELECT max(a.started_at) FROM ai_session a WHERE a.project_id = p.id)"
            + " FROM project p";

    private final StoreFactory store;

    public Projects(StoreFactory store) {
        this.store = store;
    }

    /** What a project folder says about itself. */
    public record Metadata(String name, String template, String profile, String repositoryUrl) {
    }

    /**
     * Reads {@code .ai-lab/config.yaml} (and {@code .ai-lab/project.yaml} when present) for
     * project_name, then {@code .ai-lab/profile.yaml} (written by create-project) for template
     * and profile, and the origin remote of {@code .git/config}. The folder name stands in for a
     * missing project_name.
     */
    public static Metadata readMetadata(Path folder) {
        String name = null;
        String template = null;
        String profile = null;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String f : new String[] {"config.yaml", "project.yaml", "profile.yaml"}) {
            Path file = folder.resolve(".ai-lab").resolve(f);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                JsonNode tree = yaml.readTree(file.toFile());
                if (tree != null && tree.isObject()) {
                    name = text(tree, "project_name", name);
                    name = text(tree, "name", name);
                    template = text(tree, "template", template);
                    profile = text(tree, "profile", profile);
                }
            } catch (IOException e) {
                throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(),
                        "fix the YAML, then register again");
            }
        }
        if (name == null) {
            name = folder.getFileName().toString();
        }
        return new Metadata(name, template, profile, originUrl(folder));
    }

    private static String text(JsonNode tree, String key, String fallback) {
        JsonNode v = tree.get(key);
        return v != null && v.isValueNode() && !v.asText().isBlank() ? v.asText() : fallback;
    }

    /** The url of [remote "origin"] in .git/config, or null. */
    static String originUrl(Path folder) {
        Path config = folder.resolve(".git/config");
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            boolean inOrigin = false;
            for (String line : Files.readAllLines(config)) {
                String t = line.trim();
                if (t.startsWith("[")) {
                    inOrigin = t.replace(" ", "").equals("[remote\"origin\"]");
                } else if (inOrigin && t.startsWith("url")) {
                    int eq = t.indexOf('=');
                    if (eq > 0) {
                        return t.substring(eq + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Registers (or refreshes) the project in {@code folder}. */
    public ProjectRow register(Path folder, String nameOverride) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("no such folder: " + dir, "give the path of a project folder");
        }
        Metadata meta = readMetadata(dir);
        String name = (nameOverride != null ? nameOverride : meta.name()).strip();
        return store.jdbc(c -> {
            Long id = idOf(c, name);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM project WHERE path = ? ORDER BY id")) {
                ps.setString(1, dir.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && (id == null || rs.getLong(1) != id)) {
                        throw new InvalidInputException("the folder " + dir + " is already registered as '" + rs.getString(2) + "'",
                                "use 'ai-lab project sync --all' to refresh it, or --name to pick that name");
                    }
                }
            }
            String now = StoreValues.now();
            if (id == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO project (name, archived, folder_missing,"
                        + " registered_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                    ps.setString(1, name);
                    ps.setBoolean(2, false);
                    ps.setBoolean(3, false);
                    ps.setString(4, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE project SET path = ? WHERE id = ?")) {
                ps.setString(1, dir.toString());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            refresh(c, id, meta, now);
            return row(c, id);
        });
    }

    /** Writes what the folder says about itself and marks it found and synced at {@code now}. */
    private static void refresh(Connection c, long id, Metadata meta, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE project SET template = ?, profile = ?, repository_url = ?,"
                + " folder_missing = ?, synced_at = ? WHERE id = ?")) {
            ps.setString(1, meta.template());
            ps.setString(2, meta.profile());
            ps.setString(3, meta.repositoryUrl());
            ps.setBoolean(4, false);
            ps.setString(5, now);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    /** Projects by name; archived ones only with {@code includeArchived}. */
    public List<ProjectRow> list(boolean includeArchived) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + (includeArchived ? "" : " WHERE p.archived = ?")
                    + " ORDER BY p.name")) {
                if (!includeArchived) {
                    ps.setBoolean(1, false);
                }
                List<ProjectRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    public ProjectRow get(String name) {
        return store.read(c -> row(c, require(c, name)));
    }

    /** Marks the project archived; {@code archiveFile} records where its folder was packed, if it was. */
    public ProjectRow archive(String name, String archiveFile) {
        return store.jdbc(c -> {
            long id = require(c, name);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE project SET archived = ?, archive_file = coalesce(?, archive_file) WHERE id = ?")) {
                ps.setBoolean(1, true);
                ps.setString(2, archiveFile);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return row(c, id);
        });
    }

    /** Result of {@link #syncAll}: refreshed projects and those whose folder is gone. */
    public record SyncReport(List<ProjectRow> refreshed, List<ProjectRow> missing) {
    }

    /** Re-reads every registered, not archived project's folder; flags missing folders. One transaction. */
    public SyncReport syncAll() {
        return sync(null);
    }

    /**
     * Re-reads the folder of the projects {@code names} (every registered, not archived one
     * when null); flags missing folders. An unknown name, an archived project or one without a
     * folder is refused before anything changes. One transaction.
     */
    public SyncReport sync(List<String> names) {
        return store.jdbc(c -> {
            Map<Long, String> paths = new LinkedHashMap<>();
            if (names == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, path FROM project WHERE archived = ? AND path IS NOT NULL ORDER BY name")) {
                    ps.setBoolean(1, false);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            paths.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
            } else {
                for (String name : names) {
                    ProjectRow p = row(c, require(c, name));
                    if (p.archived()) {
                        throw new InvalidInputException("project '" + p.name() + "' is archived", "archived projects are not synced");
                    }
                    if (p.path() == null) {
                        throw new InvalidInputException("project '" + p.name() + "' has no folder yet",
                                "register its folder with 'ai-lab project register PATH --name " + p.name() + "'");
                    }
                    paths.put(p.id(), p.path());
                }
            }
            List<ProjectRow> refreshed = new ArrayList<>();
            List<ProjectRow> missing = new ArrayList<>();
            for (Map.Entry<Long, String> e : paths.entrySet()) {
                long id = e.getKey();
                Path dir = Path.of(e.getValue());
                if (!Files.isDirectory(dir)) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE project SET folder_missing = ? WHERE id = ?")) {
                        ps.setBoolean(1, true);
                        ps.setLong(2, id);
                        ps.executeUpdate();
                    }
                    missing.add(row(c, id));
                    continue;
                }
                refresh(c, id, readMetadata(dir), StoreValues.now());
                refreshed.add(row(c, id));
            }
            return new SyncReport(refreshed, missing);
        });
    }

    /** A row of {@link #SELECT}'s columns. */
    static ProjectRow read(ResultSet rs) throws SQLException {
        return new ProjectRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getBoolean(9), rs.getString(10), rs.getString(11),
                rs.getLong(12), rs.getString(13));
    }

    private static ProjectRow row(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE p.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    private static long require(Connection c, String name) throws SQLException {
        Long id = idOf(c, name);
        if (id == null) {
            throw new InvalidInputException("no project named '" + name + "'", "list them with 'ai-lab project list --all'");
        }
        return id;
    }

    /** The id of the project named {@code name}, made as a bare entry (no folder yet) when unknown. */
    static long idOrCreate(Connection c, String name) throws SQLException {
        String n = name.strip();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM project WHERE name = ?")) {
            ps.setString(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO project (name, archived, folder_missing, registered_at) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, n);
            ps.setBoolean(2, false);
            ps.setBoolean(3, false);
            ps.setString(4, StoreValues.now());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The id of the project named {@code name}, or null. */
    static Long idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM project WHERE name = ?")) {
            ps.setString(1, name.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
