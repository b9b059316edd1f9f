package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.Sha256;
import dev.ailab.core.profile.Profile;
import dev.ailab.core.template.ServiceBlocks.Span;
import dev.ailab.core.template.ServiceBlocks.Style;
import dev.ailab.core.yaml.YamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services of a {@link Monorepo}: {@code ai-lab service add | remove | list}. A service is
 * the folder {@code services/NAME}, made from a template in monorepo mode, plus one block in each
 * shared file that lists the services (see {@link ServiceBlocks}) and its Kubernetes manifest
 * {@code infrastructure/kubernetes/NAME.yaml}. What was added, and a hash of every block and
 * file, is recorded in {@value #RECORD_FILE}, so {@code remove} takes out exactly that and
 * notices hand edits. A removed service's folder goes to {@value #REMOVED_DIR}{@code /NAME-TIME/}.
 */
public final class MonorepoServices {
    public static final String RECORD_FILE = ProjectGenerator.META + "/services.yaml";
    public static final String REMOVED_DIR = ProjectGenerator.META + "/removed";
    /** Inside the service's folder: its port, so a folder moved back is wired as before. */
    public static final String SERVICE_FILE = ProjectGenerator.META + "/service.yaml";
    public static final int FIRST_PORT = 8080;
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    /** Build output a service makes by being built or tested: not a hand edit. */
    private static final Set<String> BUILD_OUTPUT = Set.of("target", "build", "dist", "__pycache__", ".pytest_cache",
            ".ruff_cache", ".venv", "node_modules", ".mypy_cache");

    /** A shared file that lists the services, and how it marks its blocks. */
    record Wiring(String path, Style style) {
    }

    static final List<Wiring> WIRINGS = List.of(
            new Wiring("Makefile", Style.HASH_COMMENTS),
            new Wiring("compose.yaml", Style.HASH_COMMENTS),
            new Wiring("infrastructure/kubernetes/kustomization.yaml", Style.HASH_COMMENTS),
            new Wiring(".github/workflows/ci.yml", Style.HASH_COMMENTS),
            new Wiring("docs/README.md", Style.MARKDOWN_ROW));

    /**
     * One service as recorded.
     *
     * @param toolchain        {@code java}, {@code python} or {@code none}: what CI sets up for it
     * @param blocks           shared file → hash of the block written there
     * @param files            file owned whole → its hash
     */
    public record Service(String name, String template, String templateSource, String profile, int port, String toolchain,
            String toolchainVersion, Map<String, String> blocks, Map<String, String> files) {
        public String folder() {
            return "services/" + name;
        }
    }

    /** The state of one block or owned file. */
    public enum State {
        OK, MISSING, EDITED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Wire(String path, State state) {
    }

    /** A service as {@code list} shows it. */
    public record Listed(Service service, boolean folderPresent, List<String> folderEdits, List<Wire> wiring) {
        public boolean wired() {
            return folderPresent && wiring.stream().allMatch(w -> w.state() == State.OK);
        }
    }

    /** What happened to one file. */
    public enum Change {
        CREATED, ADOPTED, WIRED, UNCHANGED, UNWIRED, MOVED, KEPT, MISSING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record FileChange(String path, Change change) {
    }

    /**
     * @param pack    the template to render; null to keep (adopt) the folder already there
     * @param profile {@code --profile}, or null for the monorepo's own
     * @param port    {@code --port}, or null for the first free one from {@value #FIRST_PORT}
     */
    public record AddRequest(String name, TemplatePack pack, String profile, Integer port, Map<String, String> data,
            String toolVersion) {
    }

    public record AddResult(Service service, boolean changed, List<FileChange> files) {
    }

    /** @param recovery where the folder and manifest went (null when nothing was moved) */
    public record RemoveResult(Service service, Path recovery, List<FileChange> files) {
    }

    private final Path root;

    private MonorepoServices(Path root) {
        this.root = root;
    }

    /** The monorepo {@code start} is in: the nearest folder upwards made from the monorepo template. */
    public static MonorepoServices find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ProjectGenerator.PROFILE_FILE))
                    && Monorepo.TEMPLATE.equals(ProjectGenerator.previousProfile(dir).get("template"))) {
                return new MonorepoServices(dir);
            }
        }
        throw new InvalidInputException("no monorepo at or above " + start.toAbsolutePath().normalize(),
                "run it inside a monorepo made by 'ai-lab create-project NAME --template monorepo', or give its folder");
    }

    public Path root() {
        return root;
    }

    /** Whether {@code add} of {@code name} needs a template: the service is neither recorded nor its folder there. */
    public boolean needsTemplate(String name) {
        return !read().containsKey(name) && !Files.exists(root.resolve("services").resolve(name));
    }

    public static String validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("'" + name + "' cannot be a service name",
                    "use lower-case letters, digits and '-', starting with a letter and not ending with '-', "
                            + "at most 63 characters (it names a compose service and Kubernetes objects)");
        }
        return name;
    }

    // ---- list ----

    public List<Listed> list() {
        List<Listed> out = new ArrayList<>();
        for (Service s : read().values()) {
            Path folder = root.resolve(s.folder());
            boolean present = Files.isDirectory(folder);
            out.add(new Listed(s, present, present ? folderEdits(folder) : List.of(), wiring(s)));
        }
        return out;
    }

    private List<Wire> wiring(Service s) {
        List<Wire> wires = new ArrayList<>();
        for (Wiring w : WIRINGS) {
            String hash = s.blocks().get(w.path());
            if (hash == null) {
                continue; // the file was not there when the service was added
            }
            String text = readOrNull(root.resolve(w.path()));
            Span span = text == null ? null : ServiceBlocks.find(text, s.name(), w.style());
            wires.add(new Wire(w.path(), span == null ? State.MISSING
                    : hash.equals(sha(ServiceBlocks.text(text, span))) ? State.OK : State.EDITED));
        }
        s.files().forEach((path, hash) -> {
            Path file = root.resolve(path);
            wires.add(new Wire(path, !Files.isRegularFile(file) ? State.MISSING
                    : hash.equals(Sha256.ofFile(file)) ? State.OK : State.EDITED));
        });
        return wires;
    }

    // ---- add ----

    public AddResult add(AddRequest r) {
        validateName(r.name());
        Map<String, Service> recorded = read();
        Service existing = recorded.get(r.name());
        Path folder = root.resolve("services").resolve(r.name());
        List<FileChange> changes = new ArrayList<>();
        ProjectGenerator.Request render = null;
        Service service;
        if (existing != null) {
            sameAsRecorded(existing, r);
            service = existing;
        } else {
            Map<String, Object> answers;
            String template;
            String source;
            String profile;
            if (Files.exists(folder)) {
                Map<String, Object> made = ProjectGenerator.previousProfile(folder);
                if (!(made.get("template") instanceof String t)) {
                    throw new OperationFailedException("services/" + r.name() + " exists and was not made by ai-lab",
                            "move it away or choose another name; a folder made by 'ai-lab create-project' or moved back "
                                    + "from " + REMOVED_DIR + " is wired in as it is");
                }
                if (r.pack() != null && !r.pack().name().equals(t)) {
                    throw new OperationFailedException("services/" + r.name() + " was made from template " + t
                            + ", not " + r.pack().name(), "leave out --template to wire the folder in as it is");
                }
                template = t;
                source = String.valueOf(made.getOrDefault("template_source", ""));
                profile = String.valueOf(made.getOrDefault("profile", Profile.STANDARD.id()));
                answers = ProjectGenerator.previousAnswers(folder);
                changes.add(new FileChange("services/" + r.name(), Change.ADOPTED));
            } else {
                ProjectPlan plan = ProjectPlan.choose(new ProjectPlan.Options(r.name(), root.resolve("services"),
                        r.profile() != null ? r.profile() : monorepoProfile(), r.pack().name(), null, r.data(), null,
                        true, false), null, null);
                ProjectPlan.Answered answered = plan.answer(r.pack());
                render = plan.request(r.pack(), answered, false, false, r.toolVersion());
                template = r.pack().name();
                source = r.pack().origin();
                profile = plan.profile().id();
                answers = answered.answers();
                changes.add(new FileChange("services/" + r.name(), Change.CREATED));
            }
            int port = port(r, folder, recorded);
            String toolchain = answers.containsKey("java_version") ? "java" : answers.containsKey("python_version") ? "python" : "none";
            Object version = answers.getOrDefault(toolchain + "_version", "");
            service = new Service(r.name(), template, source, profile, port, toolchain, String.valueOf(version),
                    new LinkedHashMap<>(), new LinkedHashMap<>());
        }
        // Plan every edit before writing anything: a problem in any file leaves all of them as they were.
        Map<String, String> writes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> blocks = new LinkedHashMap<>(service.blocks());
        Map<String, String> owned = new LinkedHashMap<>(service.files());
        for (Wiring w : WIRINGS) {
            Path file = root.resolve(w.path());
            String text = readOrNull(file);
            if (text == null) {
                continue;
            }
            Span span = ServiceBlocks.find(text, service.name(), w.style());
            Span anchor = ServiceBlocks.anchor(text);
            if (span != null) {
                String have = ServiceBlocks.text(text, span);
                if (!blocks.containsKey(w.path())) {
                    String want = anchor == null ? null : block(w, service, ServiceBlocks.indent(text, anchor));
                    if (!have.equals(want)) {
                        problems.add(w.path() + " already holds a block for " + service.name() + " that ai-lab did not write");
                        continue;
                    }
                    blocks.put(w.path(), sha(have));
                }
                changes.add(new FileChange(w.path(), Change.UNCHANGED));
            } else if (anchor == null) {
                problems.add(w.path() + " has no line '" + ServiceBlocks.ANCHOR + "' to put the block above");
            } else {
                String block = block(w, service, ServiceBlocks.indent(text, anchor));
                writes.put(w.path(), ServiceBlocks.insert(text, anchor, block));
                blocks.put(w.path(), sha(block));
                changes.add(new FileChange(w.path(), Change.WIRED));
            }
        }
        if (Files.isRegularFile(root.resolve(WIRINGS.get(2).path()))) {
            String path = "infrastructure/kubernetes/" + service.name() + ".yaml";
            String manifest = kubernetes(service);
            String have = readOrNull(root.resolve(path));
            if (have == null) {
                writes.put(path, manifest);
                owned.put(path, sha(manifest));
                changes.add(new FileChange(path, Change.CREATED));
            } else if (owned.containsKey(path) || have.equals(manifest)) {
                owned.putIfAbsent(path, sha(have));
                changes.add(new FileChange(path, Change.UNCHANGED));
            } else {
                problems.add(path + " exists and was not written by ai-lab service add");
            }
        }
        if (!problems.isEmpty()) {
            throw new OperationFailedException("cannot add service " + service.name() + ": " + String.join("; ", problems),
                    "nothing was changed; fix the files named (or remove the block by hand) and run it again");
        }
        Service result = new Service(service.name(), service.template(), service.templateSource(), service.profile(),
                service.port(), service.toolchain(), service.toolchainVersion(), blocks, owned);
        boolean changed = existing == null || !writes.isEmpty() || !result.equals(existing);
        if (!changed) {
            return new AddResult(result, false, changes);
        }
        if (render != null) {
            new ProjectGenerator().generate(render);
        }
        writeServiceFile(folder, result);
        writes.forEach((path, text) -> AtomicFiles.writeString(root.resolve(path), text));
        recorded.put(result.name(), result);
        write(recorded);
        return new AddResult(result, true, changes);
    }

    private static void sameAsRecorded(Service s, AddRequest r) {
        List<String> differ = new ArrayList<>();
        if (r.pack() != null && !r.pack().name().equals(s.template())) {
            differ.add("template " + s.template());
        }
        if (r.profile() != null && !Profile.parse(r.profile()).id().equals(s.profile())) {
            differ.add("profile " + s.profile());
        }
        if (r.port() != null && r.port() != s.port()) {
            differ.add("port " + s.port());
        }
        if (!differ.isEmpty()) {
            throw new OperationFailedException("service " + s.name() + " is already added, with " + String.join(", ", differ),
                    "run 'ai-lab service remove " + s.name() + "' first to add it again differently");
        }
    }

    private int port(AddRequest r, Path folder, Map<String, Service> recorded) {
        Set<Integer> used = new TreeSet<>();
        recorded.values().forEach(s -> used.add(s.port()));
        Integer port = r.port();
        if (port == null && Files.isRegularFile(folder.resolve(SERVICE_FILE))) {
            Object p = YamlText.readMap(folder.resolve(SERVICE_FILE)).get("port");
            port = p == null ? null : number(p, "services/" + r.name() + "/" + SERVICE_FILE);
        }
        if (port == null) {
            port = FIRST_PORT;
            while (used.contains(port)) {
                port++;
            }
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("--port takes a port from 1 to 65535, got " + port, "for example --port 8080");
        }
        for (Service s : recorded.values()) {
            if (s.port() == port) {
                throw new InvalidInputException("port " + port + " is already the port of service " + s.name(),
                        "give another --port, or leave it out to take the next free one");
            }
        }
        return port;
    }

    private String monorepoProfile() {
        Object p = ProjectGenerator.previousProfile(root).get("profile");
        return p == null ? null : String.valueOf(p);
    }

    private String registry() {
        Object r = ProjectGenerator.previousAnswers(root).get("registry");
        return r == null || String.valueOf(r).isBlank() ? "localhost" : String.valueOf(r);
    }

    /** The block of {@code s} in the file of {@code w}, indented like the file's anchor line. */
    String block(Wiring w, Service s, String indent) {
        String n = s.name();
        return switch (w.path()) {
            case "Makefile" -> ServiceBlocks.wrap(n, indent,
                    ".PHONY: build-" + n + " test-" + n,
                    "build-" + n + ":", "\t@$(MAKE) -C services/" + n + " build",
                    "test-" + n + ":", "\t@$(MAKE) -C services/" + n + " test");
            case "compose.yaml" -> ServiceBlocks.wrap(n, indent,
                    n + ":",
                    "  build: ./services/" + n,
                    "  image: " + registry() + "/" + n + ":dev",
                    "  ports:",
                    "    - \"" + s.port() + ":" + s.port() + "\"");
            case "infrastructure/kubernetes/kustomization.yaml" -> ServiceBlocks.wrap(n, indent, "- " + n + ".yaml");
            case ".github/workflows/ci.yml" -> ServiceBlocks.wrap(n, indent, toolchainStep(s));
            case "docs/README.md" -> indent + "| " + n + " | " + s.template() + " | " + s.profile() + " | " + s.port()
                    + " | [services/" + n + "](../services/" + n + ") " + ServiceBlocks.rowMarker(n) + " |\n";
            default -> throw new IllegalStateException("no block for " + w.path());
        };
    }

    private static String[] toolchainStep(Service s) {
        String when = "- if: matrix.service == '" + s.name() + "'";
        return switch (s.toolchain()) {
            case "java" -> new String[] {when, "  uses: actions/setup-java@v4", "  with:", "    distribution: temurin",
                "    java-version: \"" + s.toolchainVersion() + "\""};
            case "python" -> new String[] {when, "  uses: actions/setup-python@v5", "  with:",
                "    python-version: \"" + s.toolchainVersion() + "\""};
            default -> new String[] {when, "  run: echo \"" + s.name() + ": no toolchain to set up\""};
        };
    }

    /** The service's Deployment and Service, in the file {@code add} owns whole. */
    String kubernetes(Service s) {
        String n = s.name();
        String monorepo = root.getFileName().toString();
        return "# Deployment and Service of " + n + ": written by 'ai-lab service add', taken out by 'ai-lab service remove'.\n"
                + "apiVersion: apps/v1\n"
                + "kind: Deployment\n"
                + "metadata:\n"
                + "  name: " + n + "\n"
                + "  labels:\n"
                + "    app.kubernetes.io/name: " + n + "\n"
                + "    app.kubernetes.io/part-of: " + Answers.slug(monorepo, '-') + "\n"
                + "spec:\n"
                + "  replicas: 1\n"
                + "  selector:\n"
                + "    matchLabels:\n"
                + "      app.kubernetes.io/name: " + n + "\n"
                + "  template:\n"
                + "    metadata:\n"
                + "      labels:\n"
                + "        app.kubernetes.io/name: " + n + "\n"
                + "    spec:\n"
                + "      securityContext:\n"
                + "        runAsNonRoot: true\n"
                + "      containers:\n"
                + "        - name: " + n + "\n"
                + "          image: " + registry() + "/" + n + ":latest\n"
                + "          ports:\n"
                + "            - containerPort: " + s.port() + "\n"
                + "          securityContext:\n"
                + "            allowPrivilegeEscalation: false\n"
                + "---\n"
                + "apiVersion: v1\n"
                + "kind: Service\n"
                + "metadata:\n"
                + "  name: " + n + "\n"
                + "spec:\n"
                + "  selector:\n"
                + "    app.kubernetes.io/name: " + n + "\n"
                + "  ports:\n"
                + "    - port: " + s.port() + "\n"
                + "      targetPort: " + s.port() + "\n";
    }

    // ---- remove ----

    /**
     * Takes out the blocks and the manifest {@code add} wrote and moves the folder (unless
     * {@code keepFiles}) and the manifest to {@value #REMOVED_DIR}{@code /NAME-TIME/}. Hand
     * edits to any of them are refused unless {@code force}, with the files named.
     */
    public RemoveResult remove(String name, boolean keepFiles, boolean force, Instant now) {
        validateName(name);
        Map<String, Service> recorded = read();
        Service s = recorded.get(name);
        Path folder = root.resolve("services").resolve(name);
        if (s == null) {
            throw new OperationFailedException("service " + name + " was not added by 'ai-lab service add'",
                    Files.exists(folder) ? "services/" + name + " is not wired in by ai-lab; remove it by hand"
                            : "'ai-lab service list' shows the services");
        }
        List<String> edited = new ArrayList<>();
        if (!keepFiles && Files.isDirectory(folder)) {
            folderEdits(folder).forEach(p -> edited.add(s.folder() + "/" + p));
        }
        for (Wire w : wiring(s)) {
            if (w.state() == State.EDITED) {
                edited.add(w.path());
            }
        }
        if (!edited.isEmpty() && !force) {
            throw new OperationFailedException("service " + name + " was edited by hand: " + String.join(", ", edited),
                    "nothing was changed; undo the edits, or add --force to remove it anyway (the folder and the "
                            + "removed blocks are kept under " + REMOVED_DIR + ")");
        }
        List<FileChange> changes = new ArrayList<>();
        Map<String, String> writes = new LinkedHashMap<>();
        StringBuilder removedBlocks = new StringBuilder();
        for (Wiring w : WIRINGS) {
            if (!s.blocks().containsKey(w.path())) {
                continue;
            }
            String text = readOrNull(root.resolve(w.path()));
            Span span = text == null ? null : ServiceBlocks.find(text, name, w.style());
            if (span == null) {
                changes.add(new FileChange(w.path(), Change.MISSING));
                continue;
            }
            removedBlocks.append("# ").append(w.path()).append('\n').append(ServiceBlocks.text(text, span));
            writes.put(w.path(), ServiceBlocks.cut(text, span));
            changes.add(new FileChange(w.path(), Change.UNWIRED));
        }
        Path recovery = root.resolve(REMOVED_DIR).resolve(name + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now));
        for (int i = 2; Files.exists(recovery); i++) {
            recovery = recovery.resolveSibling(recovery.getFileName().toString().replaceFirst("(-\\d+)?$", "") + "-" + i);
        }
        List<String[]> moves = new ArrayList<>();
        if (!keepFiles && Files.isDirectory(folder)) {
            moves.add(new String[] {s.folder(), s.folder()});
        }
        for (String path : s.files().keySet()) {
            if (Files.exists(root.resolve(path))) {
                moves.add(new String[] {path, path});
            }
        }
        try {
            Files.createDirectories(recovery);
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("service", toYaml(s));
            note.put("restore", "mv " + root.relativize(recovery) + "/" + s.folder() + " " + s.folder()
                    + " && ai-lab service add " + name);
            AtomicFiles.writeString(recovery.resolve("removed.yaml"),
                    "# Removed by ai-lab service remove; 'restore' says how to bring it back.\n" + YamlWriter.indented().write(note));
            AtomicFiles.writeString(recovery.resolve("blocks.txt"), removedBlocks.toString());
            for (String[] m : moves) {
                Path to = recovery.resolve(m[1]);
                Files.createDirectories(to.getParent());
                move(root.resolve(m[0]), to);
                changes.add(new FileChange(m[0], Change.MOVED));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move service " + name + " to " + recovery + ": " + e.getMessage(), e);
        }
        if (keepFiles && Files.isDirectory(folder)) {
            changes.add(new FileChange(s.folder(), Change.KEPT));
        }
        writes.forEach((path, text) -> AtomicFiles.writeString(root.resolve(path), text));
        recorded.remove(name);
        write(recorded);
        return new RemoveResult(s, moves.isEmpty() ? null : recovery, changes);
    }

    /** Files of the folder changed, deleted or added since the template wrote it (build output aside). */
    static List<String> folderEdits(Path folder) {
        Map<String, String> sums = ProjectGenerator.readChecksums(folder.resolve(ProjectGenerator.CHECKSUMS_FILE));
        List<String> edits = new ArrayList<>();
        sums.forEach((path, hash) -> {
            Path file = folder.resolve(path);
            if (!Files.isRegularFile(file) || !hash.equals(Sha256.ofFile(file))) {
                edits.add(path);
            }
        });
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).map(f -> folder.relativize(f))
                    .filter(rel -> !rel.startsWith(ProjectGenerator.META))
                    .filter(rel -> {
                        for (Path part : rel) {
                            if (BUILD_OUTPUT.contains(part.toString()) || part.toString().endsWith(".egg-info")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .map(rel -> rel.toString().replace('\\', '/'))
                    .filter(rel -> !sums.containsKey(rel))
                    .sorted().forEach(edits::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return edits;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    // ---- the record ----

    @SuppressWarnings("unchecked")
    Map<String, Service> read() {
        Map<String, Service> out = new LinkedHashMap<>();
        Object all = YamlText.readMap(root.resolve(RECORD_FILE)).get("services");
        if (!(all instanceof Map<?, ?> services)) {
            return out;
        }
        services.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> e = (Map<String, Object>) m;
                out.put(String.valueOf(k), new Service(String.valueOf(k), str(e.get("template")), str(e.get("template_source")),
                        str(e.get("profile")), number(e.get("port"), RECORD_FILE), str(e.get("toolchain")),
                        str(e.get("toolchain_version")), strings(e.get("blocks")), strings(e.get("files"))));
            }
        });
        return out;
    }

    private void write(Map<String, Service> services) {
        Map<String, Object> all = new LinkedHashMap<>();
        services.forEach((name, s) -> all.put(name, toYaml(s)));
        AtomicFiles.writeString(root.resolve(RECORD_FILE),
                "# Written by ai-lab service: the services it added, and a hash of each block and file it owns.\n"
                        + YamlWriter.indented().write(Map.of("services", all)));
    }

    private static Map<String, Object> toYaml(Service s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("template", s.template());
        m.put("template_source", s.templateSource());
        m.put("profile", s.profile());
        m.put("port", s.port());
        m.put("toolchain", s.toolchain());
        m.put("toolchain_version", s.toolchainVersion());
        m.put("blocks", s.blocks());
        m.put("files", s.files());
        return m;
    }

    private static void writeServiceFile(Path folder, Service s) {
        if (Files.isDirectory(folder)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("port", s.port());
            AtomicFiles.writeString(folder.resolve(SERVICE_FILE),
                    "# Written by ai-lab service add: how this service is wired into its monorepo.\n" + YamlWriter.indented().write(m));
        }
    }

    private static int number(Object port, String file) {
        try {
            return Integer.parseInt(str(port).strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": port '" + str(port) + "' is not a whole number",
                    "put the service's port back as a number (for example port: 8080)");
        }
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    private static String readOrNull(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
