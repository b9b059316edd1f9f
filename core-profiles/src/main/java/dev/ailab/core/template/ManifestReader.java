package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code template.yaml} into a {@link TemplateManifest}; every mistake is reported at its line and column. */
final class ManifestReader {
    private static final List<String> TOP = List.of("name", "version", "description", "questions", "tiers", "verbatim", "next_steps", "migrations");
    private static final List<String> MIGRATION = List.of("version", "steps");
    private static final List<String> STEP = List.of("move", "delete", "rename_answer");
    private static final List<String> QUESTION = List.of("name", "prompt", "help", "type", "default", "choices", "pattern", "when");
    private static final List<String> RULE = List.of("path", "to", "when", "each", "verbatim", "delimiters", "executable");
    private final Path file;
    /** Every mistake found so far: reading goes on past one, so a single run lists them all. */
    private final List<InvalidInputException> errors = new ArrayList<>();

    private ManifestReader(Path file) {
        this.file = file;
    }

    static TemplateManifest read(Path file) {
        ManifestReader reader = new ManifestReader(file);
        TemplateManifest m = reader.manifest(YamlText.parse(file));
        reader.throwIfAnyError();
        return m;
    }

    /** One error as it was; several as one report, each at its own line and column with its hint. */
    private void throwIfAnyError() {
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        if (!errors.isEmpty()) {
            StringBuilder all = new StringBuilder(errors.size() + " problems in the template manifest:");
            for (InvalidInputException e : errors) {
                all.append("\n").append(e.getMessage());
                if (e.hint() != null) {
                    all.append("\n  hint: ").append(e.hint());
                }
            }
            throw new InvalidInputException(all.toString(), "fix each of them in " + file + ", then run again");
        }
    }

    /** Runs one part of the reading; a mistake in it is recorded and the part is left out. */
    private void attempt(Runnable part) {
        try {
            part.run();
        } catch (InvalidInputException e) {
            errors.add(e);
        }
    }

    private TemplateManifest manifest(Node root) {
        if (root == null) {
            throw new InvalidInputException(file + ": empty template manifest", "give it at least a name and a basic tier");
        }
        TemplateManifest m = new TemplateManifest();
        for (NodeTuple t : map(root, "the manifest")) {
            attempt(() -> topLevel(m, t));
        }
        return m;
    }

    private void topLevel(TemplateManifest m, NodeTuple t) {
        {
            String key = known(t, TOP);
            Node v = t.getValueNode();
            switch (key) {
                case "name" -> m.name = text(v);
                case "version" -> m.version = text(v);
                case "description" -> m.description = text(v);
                case "verbatim" -> m.verbatim = texts(v);
                case "next_steps" -> m.nextSteps = texts(v);
                case "migrations" -> {
                    for (Node n : list(v, "migrations")) {
                        m.migrations.add(migration(n));
                    }
                }
                case "questions" -> {
                    for (Node q : list(v, "questions")) {
                        attempt(() -> m.questions.add(question(q)));
                    }
                }
                case "tiers" -> {
                    for (NodeTuple tier : map(v, "tiers")) {
                        attempt(() -> {
                            String name = YamlText.key(tier, file);
                            if (!Set.of("basic", "standard", "advanced").contains(name)) {
                                throw error(tier.getKeyNode(), "unknown tier '" + name + "'", "tiers are basic, standard and advanced");
                            }
                            List<TemplateManifest.FileRule> rules = new ArrayList<>();
                            if (!isNull(tier.getValueNode())) {
                                for (Node r : list(tier.getValueNode(), "tier " + name)) {
                                    attempt(() -> rules.add(rule(r, name)));
                                }
                            }
                            m.tiers.put(name, rules);
                        });
                    }
                }
                default -> throw new IllegalStateException(key);
            }
        }
    }

    private TemplateManifest.Question question(Node node) {
        TemplateManifest.Question q = new TemplateManifest.Question();
        for (NodeTuple t : map(node, "a question")) {
            attempt(() -> questionKey(q, t));
        }
        if (q.name == null) {
            throw error(node, "a question has no name", "give every question a name: NAME");
        }
        return q;
    }

    private void questionKey(TemplateManifest.Question q, NodeTuple t) {
        {
            Node v = t.getValueNode();
            switch (known(t, QUESTION)) {
                case "name" -> q.name = text(v);
                case "prompt" -> q.prompt = text(v);
                case "help" -> q.help = text(v);
                case "type" -> q.type = text(v);
                case "default" -> q.defaultValue = YamlText.value(v, file);
                case "choices" -> q.choices = texts(v);
                case "pattern" -> q.pattern = text(v);
                case "when" -> q.when = text(v);
                default -> throw new IllegalStateException();
            }
        }
    }

    private TemplateManifest.Migration migration(Node node) {
        TemplateManifest.Migration mig = new TemplateManifest.Migration();
        for (NodeTuple t : map(node, "a migration")) {
            switch (known(t, MIGRATION)) {
                case "version" -> mig.version = text(t.getValueNode());
                case "steps" -> {
                    for (Node s : list(t.getValueNode(), "steps")) {
                        mig.steps.add(step(s));
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        if (mig.version == null || !Versions.valid(mig.version)) {
            throw error(node, "a migration needs the version that introduced it, as numbers (1.2.0)",
                    "write version: X.Y.Z and its steps:");
        }
        return mig;
    }

    /** {@code move: {from: A, to: B}}, {@code delete: PATH} or {@code rename_answer: {from: a, to: b}}. */
    private TemplateManifest.MigrationStep step(Node node) {
        List<NodeTuple> tuples = map(node, "a migration step");
        if (tuples.size() != 1) {
            throw error(node, "a migration step is one of move, delete, rename_answer",
                    "write '- move: {from: old/path, to: new/path}', '- delete: path' or '- rename_answer: {from: old, to: new}'");
        }
        NodeTuple t = tuples.get(0);
        String kind = known(t, STEP);
        Node v = t.getValueNode();
        if (kind.equals("delete")) {
            String path = text(v);
            checkStepPath(v, path);
            return new TemplateManifest.MigrationStep(kind, path, null);
        }
        String from = null;
        String to = null;
        for (NodeTuple ft : map(v, kind)) {
            switch (known(ft, List.of("from", "to"))) {
                case "from" -> from = text(ft.getValueNode());
                case "to" -> to = text(ft.getValueNode());
                default -> throw new IllegalStateException();
            }
        }
        if (from == null || to == null) {
            throw error(v, kind + " needs both from and to", "write {from: old, to: new}");
        }
        if (kind.equals("move")) {
            checkStepPath(v, from);
            checkStepPath(v, to);
        }
        return new TemplateManifest.MigrationStep(kind, from, to);
    }

    private void checkStepPath(Node node, String path) {
        boolean bad = path == null || path.isBlank() || path.startsWith("/") || path.contains("\\");
        if (!bad) {
            for (String segment : path.split("/")) {
                bad |= segment.isEmpty() || segment.equals("..") || segment.equals(".");
            }
            bad |= path.equals(ProjectGenerator.META) || path.startsWith(ProjectGenerator.META + "/");
        }
        if (bad) {
            throw error(node, "migration path '" + path + "' is empty, absolute, leaves the project or touches .ai-lab/",
                    "write a path relative to the project root, such as docs/old.md");
        }
    }

    private TemplateManifest.FileRule rule(Node node, String tier) {
        TemplateManifest.FileRule r = new TemplateManifest.FileRule();
        if (node instanceof ScalarNode s) {
            r.path = s.getValue();
        } else {
            for (NodeTuple t : map(node, "a file entry")) {
                attempt(() -> {
                    Node v = t.getValueNode();
                    switch (known(t, RULE)) {
                        case "path" -> r.path = text(v);
                        case "to" -> r.to = text(v);
                        case "when" -> r.when = text(v);
                        case "each" -> r.each = text(v);
                        case "verbatim" -> r.verbatim = bool(v);
                        case "delimiters" -> r.delimiters = text(v);
                        case "executable" -> r.executable = bool(v);
                        default -> throw new IllegalStateException();
                    }
                });
            }
        }
        if (r.path == null || r.path.isBlank()) {
            throw error(node, "a file entry of tier '" + tier + "' has no path",
                    "write the path under files/, or { path: ..., to: ..., when: ... }");
        }
        try {
            if (r.delimiters != null) {
                MustacheRenderer.Delimiters.parse(r.delimiters);
            }
            if (r.when != null) {
                Conditions.check(r.when, file);
            }
        } catch (InvalidInputException e) {
            throw error(node, e.getMessage().replace(file + ": ", ""), e.hint());
        }
        return r;
    }

    private List<NodeTuple> map(Node node, String what) {
        if (node instanceof MappingNode m) {
            return m.getValue();
        }
        throw error(node, what + " must be a map of key: value", "see docs/templates.md for the manifest format");
    }

    private List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        throw error(node, what + " must be a list", "write one '- ' item per line, or [a, b]");
    }

    private String known(NodeTuple t, List<String> keys) {
        String key = YamlText.key(t, file);
        if (!keys.contains(key)) {
            throw error(t.getKeyNode(), "unknown key '" + key + "'", "known keys here: " + String.join(", ", keys));
        }
        return key;
    }

    private String text(Node node) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(node, "expected text here", "write a single value");
    }

    private Boolean bool(Node node) {
        Object v = YamlText.value(node, file);
        if (v instanceof Boolean b) {
            return b;
        }
        throw error(node, "expected true or false, found '" + v + "'", "write true or false");
    }

    private List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        if (isNull(node)) {
            return out;
        }
        for (Node n : list(node, "this")) {
            out.add(text(n));
        }
        return out;
    }

    private static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL));
    }

    private InvalidInputException error(Node node, String message, String hint) {
        return new InvalidInputException(YamlText.at(file, node == null ? null : node.getStartMark()) + ": " + message, hint);
    }
}
