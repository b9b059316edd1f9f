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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/** The registry of project folders: register, list, archive, sync. Hibernate throughout. */
public final class Projects {
    private final StoreFactory store;

    public Projects(StoreFactory store) {
        this.store = store;
    }

    /** What a project folder says about itself. */
    public record Metadata(String name, String template, String profile, String repositoryUrl) {
    }

    /**
     * Reads {@code .ai-lab/config.yaml} (and {@code .ai-lab/project.yaml} when present) for
     * project_name, template and profile, and the origin remote of {@code .git/config}.
     * The folder name stands in for a missing project_name.
     */
    public static Metadata readMetadata(Path folder) {
        String name = null;
        String template = null;
        String profile = null;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String f : new String[] {"config.yaml", "project.yaml"}) {
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
        String name = nameOverride != null ? nameOverride : meta.name();
        return store.hibernate(s -> {
            Project p = byName(s, name);
            Project samePath = s.createSelectionQuery("from Project p where p.path = :path", Project.class)
                    .setParameter("path", dir.toString()).getResultList().stream().findFirst().orElse(null);
            if (samePath != null && (p == null || !samePath.id.equals(p.id))) {
                throw new InvalidInputException("the folder " + dir + " is already registered as '" + samePath.name + "'",
                        "use 'ai-lab project sync --all' to refresh it, or --name to pick that name");
            }
            if (p == null) {
                p = new Project();
                p.name = name;
                p.registeredAt = Instant.now();
                s.persist(p);
            }
            p.path = dir.toString();
            p.template = meta.template();
            p.profile = meta.profile();
            p.repositoryUrl = meta.repositoryUrl();
            p.folderMissing = false;
            p.syncedAt = Instant.now();
            s.flush();
            return row(s, p);
        });
    }

    public List<ProjectRow> list(boolean includeArchived) {
        return store.hibernate(s -> {
            List<Object[]> rows = s.createSelectionQuery("select p,"
                    + " (select count(w) from WorkItem w where w.project = p and w.status <> :done),"
                    + " (select max(a.startedAt) from AiSession a where a.project = p)"
                    + " from Project p" + (includeArchived ? "" : " where p.archived = false") + " order by p.name", Object[].class)
                    .setParameter("done", WorkStatus.done).getResultList();
            List<ProjectRow> out = new ArrayList<>();
            for (Object[] r : rows) {
                out.add(ProjectRow.of((Project) r[0], ((Number) r[1]).longValue(), (Instant) r[2]));
            }
            return out;
        });
    }

    public ProjectRow get(String name) {
        return store.hibernate(s -> row(s, require(s, name)));
    }

    /** Marks the project archived; {@code archiveFile} records where its folder was packed, if it was. */
    public ProjectRow archive(String name, String archiveFile) {
        return store.hibernate(s -> {
            Project p = require(s, name);
            p.archived = true;
            if (archiveFile != null) {
                p.archiveFile = archiveFile;
            }
            s.flush();
            return row(s, p);
        });
    }

    /** Result of {@link #syncAll}: refreshed projects and those whose folder is gone. */
    public record SyncReport(List<ProjectRow> refreshed, List<ProjectRow> missing) {
    }

    /** Re-reads every registered, not archived project's folder; flags missing folders. */
    public SyncReport syncAll() {
        return store.hibernate(s -> {
            List<ProjectRow> refreshed = new ArrayList<>();
            List<ProjectRow> missing = new ArrayList<>();
            for (Project p : s.createSelectionQuery("from Project p where p.archived = false and p.path is not null order by p.name",
                    Project.class).getResultList()) {
                Path dir = Path.of(p.path);
                if (!Files.isDirectory(dir)) {
                    p.folderMissing = true;
                    s.flush();
                    missing.add(row(s, p));
                    continue;
                }
                Metadata meta = readMetadata(dir);
                p.template = meta.template();
                p.profile = meta.profile();
                p.repositoryUrl = meta.repositoryUrl();
                p.folderMissing = false;
                p.syncedAt = Instant.now();
                s.flush();
                refreshed.add(row(s, p));
            }
            return new SyncReport(refreshed, missing);
        });
    }

    private static ProjectRow row(Session s, Project p) {
        long open = s.createSelectionQuery("select count(w) from WorkItem w where w.project = :p and w.status <> :done", Long.class)
                .setParameter("p", p).setParameter("done", WorkStatus.done).getSingleResult();
        Instant last = s.createSelectionQuery("select max(a.startedAt) from AiSession a where a.project = :p", Instant.class)
                .setParameter("p", p).getSingleResult();
        return ProjectRow.of(p, open, last);
    }

    static Project byName(Session s, String name) {
        return s.createSelectionQuery("from Project p where p.name = :n", Project.class)
                .setParameter("n", name).getResultList().stream().findFirst().orElse(null);
    }

    static Project require(Session s, String name) {
        Project p = byName(s, name);
        if (p == null) {
            throw new InvalidInputException("no project named '" + name + "'", "list them with 'ai-lab project list --all'");
        }
        return p;
    }

    static Project findOrCreate(Session s, String name) {
        Project p = byName(s, name);
        if (p == null) {
            p = new Project();
            p.name = name.strip();
            p.registeredAt = Instant.now();
            s.persist(p);
        }
        return p;
    }

    /** JDBC twin of {@link #findOrCreate} for the hot paths. */
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

    /** JDBC look-up without creating; null when unknown. */
    static Long idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM project WHERE name = ?")) {
            ps.setString(1, name.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
