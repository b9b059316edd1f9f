package dev.ailab.sources.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.config.ConfigYaml;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Backups, restores and format migrations of a config file. Every write is atomic and private (0600). */
public final class ConfigFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** Old key names of the library section and their current names. */
    private static final Map<String, String> LEGACY_LIBRARY_KEYS = new LinkedHashMap<>();

    static {
        LEGACY_LIBRARY_KEYS.put("url", "repository");
        LEGACY_LIBRARY_KEYS.put("repo", "repository");
        LEGACY_LIBRARY_KEYS.put("remote", "repository");
        LEGACY_LIBRARY_KEYS.put("home", "path");
        LEGACY_LIBRARY_KEYS.put("dir", "path");
        LEGACY_LIBRARY_KEYS.put("personal_dir", "personal");
        LEGACY_LIBRARY_KEYS.put("personal_path", "personal");
        LEGACY_LIBRARY_KEYS.put("tokenEnv", "token_env");
        LEGACY_LIBRARY_KEYS.put("sshKey", "ssh_key");
        LEGACY_LIBRARY_KEYS.put("ssh_key_path", "ssh_key");
    }

    private final Path backups;
    private final Clock clock;

    public ConfigFiles(Path backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    public Path backupsDir() {
        return backups;
    }

    /** Copies {@code file} into the backups folder and returns the copy. */
    public Path backup(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no config file at " + file, "create one, or pass --config FILE");
        }
        try {
            String name = STAMP.format(clock.instant()) + "-" + file.getFileName();
            Path target = backups.resolve(name);
            AtomicFiles.write(target, Files.readAllBytes(file), AtomicFiles.OWNER_ONLY);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot back up " + file + ": " + e.getMessage(), e);
        }
    }

    /** Backups, newest first. */
    public List<Path> list() {
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(backups)) {
            return s.filter(Files::isRegularFile).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds a backup by file name (or prefix); null name means the newest. */
    public Path find(String name) {
        List<Path> all = list();
        if (all.isEmpty()) {
            throw new InvalidInputException("there are no config backups in " + backups, "make one with 'ai-config config backup'");
        }
        if (name == null) {
            return all.get(0);
        }
        Path asPath = Path.of(name);
        if (asPath.isAbsolute() && Files.isRegularFile(asPath)) {
            return asPath;
        }
        for (Path p : all) {
            if (p.getFileName().toString().startsWith(name)) {
                return p;
            }
        }
        throw new InvalidInputException("no config backup named '" + name + "'", "list them with 'ai-config config restore --list'");
    }

    /**
     * Puts {@code backup} in place of {@code target}, after backing up the current target.
     * Returns the backup made of the current file, or null when there was none.
     */
    public Path restore(Path backup, Path target) {
        Path previous = Files.isRegularFile(target) ? backup(target) : null;
        try {
            AtomicFiles.write(target, Files.readAllBytes(backup), AtomicFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + backup + ": " + e.getMessage(), e);
        }
        return previous;
    }

    /** What a migration changed. {@code yaml} is the new content (null when nothing changed). */
    public record Migration(List<String> changes, String yaml) {
        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    /** Computes the migration of an older config format to the current one, without writing. */
    public static Migration migrate(Path file) {
        // Syntax and encoding problems worded as 'config validate' words them, at FILE:LINE:COLUMN.
        dev.ailab.core.config.YamlSource source = dev.ailab.core.config.YamlSource.read(file);
        if (!source.parsed()) {
            throw new dev.ailab.core.config.ConfigException(source.problems());
        }
        JsonNode tree;
        try {
            tree = ConfigMapper.yaml().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + " is not valid YAML", "fix the syntax first; 'ai-config config validate' shows where");
        }
        if (!(tree instanceof ObjectNode root)) {
            return new Migration(List.of(), null);
        }
        List<String> changes = new ArrayList<>();
        for (String old : List.of("ai_config", "aiconfig", "ai-config")) {
            JsonNode section = root.get(old);
            if (section instanceof ObjectNode s) {
                ObjectNode lib = root.get("library") instanceof ObjectNode l ? l : root.putObject("library");
                s.fields().forEachRemaining(e -> {
                    if (!lib.has(e.getKey())) {
                        lib.set(e.getKey(), e.getValue());
                    }
                });
                root.remove(old);
                changes.add("moved section '" + old + "' into 'library'");
            }
        }
        if (root.get("library") instanceof ObjectNode lib) {
            ObjectNode renamed = ConfigMapper.json().createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> it = lib.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String now = LEGACY_LIBRARY_KEYS.get(e.getKey());
                if (now != null && !lib.has(now)) {
                    changes.add("renamed library." + e.getKey() + " to library." + now);
                    renamed.set(now, e.getValue());
                } else if (now != null) {
                    changes.add("dropped library." + e.getKey() + " (library." + now + " is set)");
                } else {
                    renamed.set(e.getKey(), e.getValue());
                }
            }
            root.set("library", renamed);
        }
        for (String old : List.of("config_version", "version")) {
            if (root.has(old) && root.get(old).isNumber()) {
                root.remove(old);
                changes.add("dropped '" + old + "' (the format is now recognised by its keys)");
            }
        }
        if (changes.isEmpty()) {
            return new Migration(List.of(), null);
        }
        return new Migration(changes, ConfigYaml.write(root));
    }
}
