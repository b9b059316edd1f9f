package dev.ailab.generators.vectorweight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.GitopsConfig;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.deployment.secrets.AgeIdentity;
import dev.ailab.deployment.sops.SopsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SOPS-encrypted Kubernetes Secrets of a generated repository, one file per Secret in the
 * folder its cluster's engine syncs ({@link Layout#secrets}), encrypted for the cluster's
 * {@code age_recipients} plus {@code sops.recipients}. A value is only ever held in memory.
 */
public final class ClusterSecrets {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolkitConfig config;
    private final Path repo;
    private final GitopsConfig.Engine engine;

    public ClusterSecrets(ToolkitConfig config, Path repo) {
        this.config = config;
        this.repo = repo;
        this.engine = config.gitops == null ? GitopsConfig.Engine.ARGOCD : config.gitops.engineOrDefault();
    }

    /** One Secret file: where it is, the keys it holds (not their values) and whom it is encrypted for. */
    public record Entry(String cluster, String name, String namespace, String path, List<String> keys, List<String> recipients) {
    }

    /** The result of checking one file: whether it decrypts with its MAC intact and carries the cluster's recipients. */
    public record Check(String path, boolean ok, String problem) {
    }

    /** The recipients a cluster's secrets must be encrypted for: its own first, then the admins'. */
    public List<String> recipients(String cluster) {
        ClusterConfig c = cluster(cluster);
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (c.ageRecipients != null) {
            all.addAll(c.ageRecipients);
        }
        if (c.ageRecipients == null || c.ageRecipients.isEmpty()) {
            throw new InvalidInputException("cluster " + cluster + " has no age_recipients, so its engine could not decrypt a secret",
                    "add the public key of the cluster's age identity under clusters[].age_recipients (age-keygen -y KEYFILE prints it)");
        }
        if (config.sops != null && config.sops.recipients != null) {
            all.addAll(config.sops.recipients);
        }
        return List.copyOf(all);
    }

    /** The namespace of a new Secret when none is given. */
    public static final String DEFAULT_NAMESPACE = "ai-workloads";

    /**
     * Sets {@code key} of Secret {@code name} in {@code cluster} to {@code value}. A new Secret
     * needs no identity; adding to an existing one decrypts it first, so it needs one.
     * {@code namespace} null: the existing Secret's, or {@link #DEFAULT_NAMESPACE}.
     */
    public Entry set(String cluster, String name, String namespace, String key, byte[] value, AgeIdentity identity, Instant now) {
        List<String> recipients = recipients(cluster);
        checkName(name, "secret name");
        if (Ksops.RESERVED_NAMES.contains(name)) {
            throw new InvalidInputException("'" + name + "' cannot name a Secret: " + name + ".yaml is the file KSOPS reads in the secrets folder",
                    "choose another name");
        }
        if (namespace != null) {
            checkName(namespace, "namespace");
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("'" + key + "' is not a valid key of a Secret",
                    "use letters, digits, '-', '_' and '.' (at most 253)");
        }
        String text = new String(value, java.nio.charset.StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            throw new InvalidInputException("the value on standard input is empty", "pipe the value in, for example: pass show NAME | vectorweight secrets set ...");
        }
        String path = path(cluster, name);
        Path file = repo.resolve(path);
        Map<String, Object> data = new LinkedHashMap<>();
        if (Files.exists(file)) {
            if (identity == null) {
                throw new InvalidInputException(path + " exists; adding a key re-encrypts the values it holds",
                        "give the age identity of a recipient with --identity FILE or SOPS_AGE_KEY_FILE");
            }
            SopsFile.Decrypted old = SopsFile.decrypt(read(file), path, identity);
            old.document().path("stringData").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
            if (namespace == null) {
                namespace = old.document().path("metadata").path("namespace").asText(DEFAULT_NAMESPACE);
            }
        }
        if (namespace == null) {
            namespace = DEFAULT_NAMESPACE;
        }
        data.put(key, text);
        write(file, SopsFile.encrypt(secret(cluster, name, namespace, data), recipients, SopsFile.SECRET_REGEX, now));
        writeKsopsFiles(cluster);
        return new Entry(cluster, name, namespace, path, List.copyOf(data.keySet()), recipients);
    }

    /** Every Secret file of every cluster of the config, read without decrypting. */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        for (ClusterConfig c : config.clusters) {
            for (Path f : files(c.name)) {
                String path = repo.relativize(f).toString().replace('\\', '/');
                String text = read(f);
                JsonNode doc = parse(text, path);
                List<String> keys = new ArrayList<>();
                doc.path("stringData").fieldNames().forEachRemaining(keys::add);
                doc.path("data").fieldNames().forEachRemaining(keys::add);
                out.add(new Entry(c.name, doc.path("metadata").path("name").asText(), doc.path("metadata").path("namespace").asText(),
                        path, keys, SopsFile.recipients(text, path)));
            }
        }
        return out;
    }

    /**
     * Checks every file: it decrypts for {@code identity} with its MAC intact, and it is
     * encrypted for every recipient the config names for its cluster.
     */
    public List<Check> verify(AgeIdentity identity) {
        List<Check> checks = new ArrayList<>();
        for (ClusterConfig c : config.clusters) {
            for (Path f : files(c.name)) {
                String path = repo.relativize(f).toString().replace('\\', '/');
                try {
                    String text = read(f);
                    SopsFile.decrypt(text, path, identity);
                    List<String> missing = new ArrayList<>(recipients(c.name));
                    missing.removeAll(SopsFile.recipients(text, path));
                    checks.add(missing.isEmpty() ? new Check(path, true, null)
                            : new Check(path, false, "not encrypted for " + String.join(", ", missing) + "; run 'vectorweight secrets rotate'"));
                } catch (InvalidInputException e) {
                    // the messages name the file; the row already does
                    String problem = e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(path) + ":? ", "")
                            .replaceFirst("^" + java.util.regex.Pattern.quote(f.toString()) + ":? ", "");
                    checks.add(new Check(path, false, problem));
                }
            }
        }
        return checks;
    }

    /**
     * Re-encrypts every Secret for its cluster's current recipients, all or nothing: every
     * file is decrypted and encrypted in memory first; only then are they written.
     */
    public List<Entry> rotate(AgeIdentity identity, Instant now) {
        Map<Path, String> next = new LinkedHashMap<>();
        List<Entry> done = new ArrayList<>();
        for (ClusterConfig c : config.clusters) {
            for (Path f : files(c.name)) {
                String path = repo.relativize(f).toString().replace('\\', '/');
                List<String> recipients = recipients(c.name);
                ObjectNode doc = SopsFile.decrypt(read(f), path, identity).document();
                @SuppressWarnings("unchecked")
                Map<String, Object> plain = JSON.convertValue(doc, LinkedHashMap.class);
                next.put(f, SopsFile.encrypt(plain, recipients, SopsFile.SECRET_REGEX, now));
                List<String> keys = new ArrayList<>();
                doc.path("stringData").fieldNames().forEachRemaining(keys::add);
                done.add(new Entry(c.name, doc.path("metadata").path("name").asText(), doc.path("metadata").path("namespace").asText(),
                        path, keys, recipients));
            }
        }
        next.forEach(this::write);
        for (ClusterConfig c : config.clusters) {
            writeKsopsFiles(c.name);
        }
        return done;
    }

    /**
     * Per cluster, the names of the SOPS files in its secrets folder (sorted; clusters without
     * any left out), which the Argo CD engine lists for KSOPS. Empty under Flux, which needs no list.
     */
    public Map<String, List<String>> secretFiles() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (engine != GitopsConfig.Engine.ARGOCD) {
            return out;
        }
        for (ClusterConfig c : config.clusters) {
            List<String> names = files(c.name).stream().map(f -> f.getFileName().toString()).toList();
            if (!names.isEmpty()) {
                out.put(c.name, names);
            }
        }
        return out;
    }

    /**
     * Keeps KSOPS's list of {@code cluster}'s files current (Argo CD only), as {@code generate}
     * writes it, so a push right after {@code secrets set} already deploys the new Secret.
     */
    private void writeKsopsFiles(String cluster) {
        if (engine != GitopsConfig.Engine.ARGOCD) {
            return;
        }
        List<String> names = files(cluster).stream().map(f -> f.getFileName().toString()).toList();
        Ksops.files(cluster, names).forEach((path, text) -> {
            Path f = repo.resolve(path);
            try {
                if (Files.isRegularFile(f) && Files.readString(f).equals(text)) {
                    return;
                }
            } catch (IOException e) {
                // unreadable: rewrite it
            }
            write(f, text);
        });
    }

    private String path(String cluster, String name) {
        cluster(cluster);
        return Layout.secrets(engine, cluster) + "/" + name + ".yaml";
    }

    private List<Path> files(String cluster) {
        Path dir = repo.resolve(Layout.secrets(engine, cluster));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && !Ksops.reserved(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new OperationFailedException("cannot list " + dir + ": " + e.getMessage(), "check the folder's permissions");
        }
    }

    private ClusterConfig cluster(String name) {
        for (ClusterConfig c : config.clusters) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        List<String> names = config.clusters.stream().map(c -> c.name).toList();
        throw new InvalidInputException("no cluster '" + name + "' in the config", "use one of: " + String.join(", ", names));
    }

    private static void checkName(String value, String what) {
        if (!NAME.matcher(value).matches()) {
            throw new InvalidInputException("'" + value + "' is not a valid " + what,
                    "use lower-case letters, digits and '-', starting and ending with a letter or digit (at most 63)");
        }
    }

    private static Map<String, Object> secret(String cluster, String name, String namespace, Map<String, Object> data) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/managed-by", "vectorweight");
        labels.put("vectorweight.dev/cluster", cluster);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("labels", labels);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "Secret");
        doc.put("metadata", metadata);
        doc.put("type", "Opaque");
        doc.put("stringData", data);
        return doc;
    }

    private static JsonNode parse(String text, String path) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new InvalidInputException(path + ": not a YAML document", "restore it from git");
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(f + " is not a SOPS secret: it is not UTF-8 text (is it a binary file?)",
                    "restore it from git, or move it out of the secrets folder: every .yaml file there is read as a Secret");
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + f + ": " + dev.ailab.core.error.IoMessages.describe(e),
                    dev.ailab.core.error.IoMessages.hint(e));
        }
    }

    private void write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
        } catch (IOException e) {
            throw new OperationFailedException("cannot create " + f.getParent() + ": " + e.getMessage(), "check the folder's permissions");
        }
        AtomicFiles.writeString(f, text);
    }
}
