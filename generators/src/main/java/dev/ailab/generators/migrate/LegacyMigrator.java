package dev.ailab.generators.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.core.config.ClusterSize;
import dev.ailab.core.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts the old verbose vectorweight format into the simplified schema. Nothing is dropped
 * silently: every key of the input is either mapped (and listed as such) or reported as
 * unmapped with the reason.
 */
public final class LegacyMigrator {
    private static final YamlWriter YAML = YamlWriter.manifests();

    /** One input key and what became of it. */
    public record Entry(String key, String outcome) {
    }

    /** The new config text and the report: mapped keys and unmapped keys (with why). */
    public record Result(String yaml, List<Entry> mapped, List<Entry> unmapped) {
    }

    private final List<Entry> mapped = new ArrayList<>();
    private final List<Entry> unmapped = new ArrayList<>();

    public static Result migrate(JsonNode old, String sourceName) {
        return new LegacyMigrator().run(old, sourceName);
    }

    private Result run(JsonNode old, String sourceName) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> github = new LinkedHashMap<>();
        List<Object> clusters = new ArrayList<>();
        Boolean gpuOperator = null;
        Boolean autoCreate = null;
        if (!old.isObject()) {
            unmapped.add(new Entry("/", "the document is not a mapping"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "metadata" -> metadata(v, out);
                case "project_name", "environment" -> {
                    out.put(key, v.asText());
                    mapped(key, key);
                }
                case "clusters" -> {
                    for (int i = 0; i < v.size(); i++) {
                        clusters.add(cluster(v.get(i), "clusters[" + i + "]"));
                    }
                }
                case "enable_gpu_operator" -> {
                    gpuOperator = v.asBoolean();
                    mapped(key, key);
                }
                case "gpu_operator" -> gpuOperator = enabled(v, key, "enable_gpu_operator", gpuOperator);
                case "auto_create_repositories" -> {
                    autoCreate = v.asBoolean();
                    mapped(key, key);
                }
                case "github", "repositories" -> {
                    for (Iterator<Map.Entry<String, JsonNode>> g = v.fields(); g.hasNext(); ) {
                        Map.Entry<String, JsonNode> ge = g.next();
                        String k = key + "." + ge.getKey();
                        switch (ge.getKey()) {
                            case "owner", "organization", "org" -> {
                                github.put("owner", ge.getValue().asText());
                                mapped(k, "github.owner");
                            }
                            case "auto_create", "auto_create_repositories" -> {
                                autoCreate = ge.getValue().asBoolean();
                                mapped(k, "auto_create_repositories");
                            }
                            default -> unmapped(k, "no equivalent; set it in the generated repository by hand");
                        }
                    }
                }
                default -> unmappedTree(key, v, "not part of the simplified schema");
            }
        }
        if (!out.containsKey("project_name")) {
            unmapped.add(new Entry("metadata.project_name", "missing in the input: add project_name to the result"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (out.containsKey("project_name")) {
            result.put("project_name", out.get("project_name"));
        }
        if (out.containsKey("environment")) {
            result.put("environment", out.get("environment"));
        }
        result.put("clusters", clusters);
        boolean anyGpu = clusters.stream().anyMatch(c -> Boolean.TRUE.equals(((Map<?, ?>) c).get("gpu_enabled")));
        result.put("enable_gpu_operator", gpuOperator != null ? gpuOperator : anyGpu);
        if (gpuOperator == null && anyGpu) {
            mapped.add(new Entry("(derived)", "enable_gpu_operator: true because a cluster has GPUs"));
        }
        result.put("auto_create_repositories", autoCreate != null && autoCreate);
        if (!github.isEmpty()) {
            result.put("github", github);
        }
        StringBuilder header = new StringBuilder("# Migrated by `vectorweight migrate` from ").append(sourceName).append('\n');
        if (!unmapped.isEmpty()) {
            header.append("# Not carried over (see the migration report):\n");
            for (Entry u : unmapped) {
                header.append("#   ").append(u.key()).append(": ").append(u.outcome()).append('\n');
            }
        }
        return new Result(header + YAML.write(result), List.copyOf(mapped), List.copyOf(unmapped));
    }

    private void metadata(JsonNode v, Map<String, Object> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = "metadata." + e.getKey();
            switch (e.getKey()) {
                case "project_name", "name" -> {
                    out.put("project_name", e.getValue().asText());
                    mapped(k, "project_name");
                }
                case "environment" -> {
                    out.put("environment", e.getValue().asText().toLowerCase(Locale.ROOT));
                    mapped(k, "environment");
                }
                default -> unmappedTree(k, e.getValue(), "descriptive metadata has no place in the simplified schema");
            }
        }
    }

    private Map<String, Object> cluster(JsonNode c, String at) {
        Map<String, Object> out = new LinkedHashMap<>();
        Integer cpu = null;
        Integer mem = null;
        Integer storage = null;
        Integer gpuCount = null;
        String storageClass = null;
        String size = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = at + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "name", "domain" -> {
                    out.put(e.getKey(), v.asText());
                    mapped(k, "clusters[]." + e.getKey());
                }
                case "size" -> {
                    size = v.asText();
                    mapped(k, "clusters[].size");
                }
                case "gpu_enabled", "cerbos_enabled" -> {
                    out.put(e.getKey(), v.asBoolean());
                    mapped(k, "clusters[]." + e.getKey());
                }
                case "cerbos" -> out.put("cerbos_enabled", enabled(v, k, "clusters[].cerbos_enabled", null));
                case "vector_store", "vector_database" -> {
                    String type = v.isObject() ? v.path("type").asText(null) : v.asText();
                    out.put("vector_store", type == null ? "none" : type.toLowerCase(Locale.ROOT));
                    mapped(k + (v.isObject() ? ".type" : ""), "clusters[].vector_store");
                    if (v.isObject()) {
                        for (Iterator<String> f = v.fieldNames(); f.hasNext(); ) {
                            String field = f.next();
                            if (!field.equals("type")) {
                                unmappedTree(k + "." + field, v.get(field), "vector store settings go in clusters/<cluster>/overrides/<store>.yaml");
                            }
                        }
                    }
                }
                case "storage_class" -> {
                    storageClass = v.asText();
                    mapped(k, "clusters[].resources.storage_class");
                }
                case "resources" -> {
                    for (Iterator<Map.Entry<String, JsonNode>> r = v.fields(); r.hasNext(); ) {
                        Map.Entry<String, JsonNode> re = r.next();
                        String rk = k + "." + re.getKey();
                        JsonNode rv = re.getValue();
                        switch (re.getKey()) {
                            case "cpu_cores" -> {
                                cpu = rv.asInt();
                                mapped(rk, "size preset / resources.cpu_cores");
                            }
                            case "memory_gb", "memory_gib" -> {
                                mem = rv.asInt();
                                mapped(rk, "size preset / resources.memory_gib (GB taken as GiB)");
                            }
                            case "storage_gb", "storage_gib" -> {
                                storage = rv.asInt();
                                mapped(rk, "size preset / resources.storage_gib (GB taken as GiB)");
                            }
                            case "gpu_enabled" -> {
                                out.put("gpu_enabled", rv.asBoolean());
                                mapped(rk, "clusters[].gpu_enabled");
                            }
                            case "gpu_count" -> {
                                gpuCount = rv.asInt();
                                mapped(rk, "clusters[].resources.gpu_count");
                            }
                            case "storage_class" -> {
                                storageClass = rv.asText();
                                mapped(rk, "clusters[].resources.storage_class");
                            }
                            case "gpu_type" -> unmapped(rk, "GPU model (" + rv.asText()
                                    + ") is not needed: the GPU operator detects it; set node selectors in overrides/gpu-operator.yaml if you must");
                            default -> unmappedTree(rk, rv, "no equivalent resource setting");
                        }
                    }
                }
                case "kubernetes_distribution" -> unmapped(k, "'" + v.asText()
                        + "' is not needed: the generated manifests work on any conformant distribution");
                case "node_count" -> unmapped(k, v.asText() + " nodes: node counts are not managed by vectorweight;"
                        + " the size preset is the cluster's total budget");
                default -> unmappedTree(k, v, "not part of the simplified schema");
            }
        }
        ClusterSize preset = size != null ? parseSize(size) : nearest(cpu, mem, storage);
        out.put("size", preset.name().toLowerCase(Locale.ROOT));
        Map<String, Object> resources = new LinkedHashMap<>();
        if (cpu != null && cpu != preset.cpuCores) {
            resources.put("cpu_cores", cpu);
        }
        if (mem != null && mem != preset.memoryGib) {
            resources.put("memory_gib", mem);
        }
        if (storage != null && storage != preset.storageGib) {
            resources.put("storage_gib", storage);
        }
        if (gpuCount != null && gpuCount != 1 && Boolean.TRUE.equals(out.get("gpu_enabled"))) {
            resources.put("gpu_count", gpuCount);
        } else if (gpuCount != null && gpuCount > 0 && !Boolean.TRUE.equals(out.get("gpu_enabled"))) {
            out.put("gpu_enabled", true);
            if (gpuCount != 1) {
                resources.put("gpu_count", gpuCount);
            }
        }
        if (storageClass != null) {
            resources.put("storage_class", storageClass);
        }
        if (!resources.isEmpty()) {
            out.put("resources", resources);
        }
        // keep the simplified schema's key order
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : List.of("name", "domain", "size", "gpu_enabled", "vector_store", "cerbos_enabled", "resources")) {
            if (out.containsKey(key)) {
                ordered.put(key, out.get(key));
            }
        }
        return ordered;
    }

    private static ClusterSize parseSize(String s) {
        try {
            return ClusterSize.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ClusterSize.SMALL;
        }
    }

    /** The preset closest to the given resources (log distance, so doubling counts the same everywhere). */
    static ClusterSize nearest(Integer cpu, Integer mem, Integer storage) {
        ClusterSize best = ClusterSize.SMALL;
        double bestDistance = Double.MAX_VALUE;
        for (ClusterSize s : ClusterSize.values()) {
            double d = dist(cpu, s.cpuCores) + dist(mem, s.memoryGib) + dist(storage, s.storageGib);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }

    private static double dist(Integer v, int preset) {
        return v == null || v <= 0 ? 0 : Math.abs(Math.log((double) v / preset));
    }

    private Boolean enabled(JsonNode v, String key, String target, Boolean current) {
        if (v.isBoolean()) {
            mapped(key, target);
            return v.asBoolean();
        }
        Boolean result = current;
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("enabled")) {
                result = e.getValue().asBoolean();
                mapped(key + ".enabled", target);
            } else {
                unmappedTree(key + "." + e.getKey(), e.getValue(), "component settings go in the override files");
            }
        }
        return result;
    }

    private void mapped(String key, String target) {
        mapped.add(new Entry(key, target));
    }

    private void unmapped(String key, String why) {
        unmapped.add(new Entry(key, why));
    }

    /** Reports every leaf under {@code v}, so nested settings are listed one by one. */
    private void unmappedTree(String key, JsonNode v, String why) {
        if (v.isObject() && v.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                unmappedTree(key + "." + e.getKey(), e.getValue(), why);
            }
        } else {
            unmapped(key, why);
        }
    }
}
