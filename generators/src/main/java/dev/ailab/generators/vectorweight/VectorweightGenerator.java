package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.Environment;
import dev.ailab.core.config.SourcesConfig;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.yaml.YamlWriter;
import dev.ailab.generators.charts.ChartLocation;
import dev.ailab.generators.charts.ChartResolver;
import dev.ailab.generators.charts.UpstreamChart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a validated vectorweight config into the files of a GitOps repository, in memory.
 * Pure and deterministic: the same config gives byte-identical output (no clock, no
 * environment, maps written in a fixed order).
 */
public final class VectorweightGenerator {
    /** Recorded in the state file; bump when the output for an unchanged config changes. */
    public static final String VERSION = "2";
    /** Version of the local chart {@code charts/cluster-base}. */
    public static final String BASE_CHART_VERSION = "0.1.0";
    public static final String BASE_CHART = "charts/cluster-base";
    public static final String WORKLOADS_NAMESPACE = "ai-workloads";
    public static final String ARGOCD_NAMESPACE = "argocd";
    private static final YamlWriter YAML = YamlWriter.manifests();

    private static final String[] CHART_FILES = {
        "values.yaml", "values.schema.json", "templates/_helpers.tpl", "templates/namespaces.yaml",
        "templates/networkpolicies.yaml", "templates/quotas.yaml", "templates/cerbos-policies.yaml",
        "policies/model.yaml", "policies/vector_collection.yaml"};

    /** Health check of child Applications, so the app of apps honours sync waves. */
    static final String APPLICATION_HEALTH = """
            hs = {}
            hs.status = "Progressing"
            hs.message = ""
            if obj.status ~= nil and obj.status.health ~= nil then
              hs.status = obj.status.health.status
              if obj.status.health.message ~= nil then
                hs.message = obj.status.health.message
              end
            end
            return hs
            """;

    private final ChartResolver charts;

    public VectorweightGenerator() {
        this(ChartResolver.upstream());
    }

    public VectorweightGenerator(ChartResolver charts) {
        this.charts = charts;
    }

    /** Client ports of each component, opened to the workloads namespace. */
    static int[] clientPorts(String component) {
        return switch (component) {
            case "weaviate" -> new int[] {8080, 50051};
            case "qdrant" -> new int[] {6333, 6334};
            case "chroma" -> new int[] {8000};
            case "cerbos" -> new int[] {3592, 3593};
            default -> new int[0];
        };
    }

    public GeneratedRepository generate(ToolkitConfig config) {
        Project p = new Project(config);
        TreeMap<String, byte[]> out = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        if (Boolean.TRUE.equals(config.autoCreateRepositories)) {
            warnings.add("auto_create_repositories: not yet available; create the repository " + p.repoUrl
                    + " yourself and push the generated folder to it");
        }
        if (config.github == null || config.github.owner == null || config.github.owner.isBlank()) {
            warnings.add("github.owner is not set: Argo CD objects point at the placeholder " + p.repoUrl
                    + "; set github.owner (or edit the URL) before syncing");
        }
        if (config.sources != null && config.sources.mode != null && config.sources.mode != SourcesConfig.Mode.INTERNET) {
            warnings.add("sources.mode " + config.sources.mode.name().toLowerCase(Locale.ROOT)
                    + ": airgapped chart sources are not yet available; charts are referenced from their upstream repositories");
        }
        for (ClusterConfig c : config.clusters) {
            if (Boolean.TRUE.equals(c.gpuEnabled) && !Boolean.TRUE.equals(config.enableGpuOperator)) {
                warnings.add("cluster " + c.name + ": gpu_enabled without enable_gpu_operator; no GPU operator is deployed");
            }
        }

        put(out, "README.md", Readme.text(p));
        put(out, ".gitignore", "# vectorweight's run-time files; .vectorweight/state.json itself belongs in git\n"
                + "/.vectorweight/*.lock\n/.vectorweight/*.pending\n");
        put(out, "deploy.sh", DeployScript.text(p, charts.resolve(UpstreamChart.ARGO_CD)));
        put(out, "renovate.json", renovate());
        put(out, "values/argocd.yaml", YAML.write(argoCdValues(p)));
        put(out, "argocd/project.yaml", YAML.write(appProject(p)));
        put(out, "argocd/root.yaml", YAML.write(rootApplication(p)));
        put(out, "argocd/apps/argocd.yaml", YAML.write(upstreamApplication(p, "argocd", p.hub(), UpstreamChart.ARGO_CD,
                ARGOCD_NAMESPACE, "values/argocd.yaml", null, -20)));
        put(out, BASE_CHART + "/Chart.yaml", YAML.write(chartYaml()));
        for (String f : CHART_FILES) {
            out.put(BASE_CHART + "/" + f, Resources.bytes("chart/" + f));
        }
        for (ResolvedCluster c : p.clusters) {
            cluster(p, c, out);
        }
        return new GeneratedRepository(out, warnings);
    }

    private void cluster(Project p, ResolvedCluster c, TreeMap<String, byte[]> out) {
        String dir = "clusters/" + c.name();
        String apps = "argocd/apps/" + c.name();
        put(out, dir + "/values/base.yaml", YAML.write(baseValues(p, c)));
        put(out, apps + "/base.yaml", YAML.write(baseApplication(p, c)));
        if (c.gpu()) {
            put(out, dir + "/values/gpu-operator.yaml", YAML.write(gpuOperatorValues()));
            put(out, apps + "/gpu-operator.yaml", YAML.write(upstreamApplication(p, c.name() + "-gpu-operator", c.name(),
                    UpstreamChart.GPU_OPERATOR, "gpu-operator", dir + "/values/gpu-operator.yaml", dir + "/overrides/gpu-operator.yaml", -5)));
        }
        String store = c.vectorStoreName();
        if (store != null) {
            UpstreamChart chart = UpstreamChart.valueOf(store.toUpperCase(Locale.ROOT));
            put(out, dir + "/values/" + store + ".yaml", YAML.write(vectorStoreValues(store, c)));
            put(out, apps + "/" + store + ".yaml", YAML.write(upstreamApplication(p, c.name() + "-" + store, c.name(), chart,
                    store, dir + "/values/" + store + ".yaml", dir + "/overrides/" + store + ".yaml", 0)));
        }
        if (c.cerbos()) {
            put(out, dir + "/values/cerbos.yaml", YAML.write(cerbosValues()));
            put(out, apps + "/cerbos.yaml", YAML.write(upstreamApplication(p, c.name() + "-cerbos", c.name(),
                    UpstreamChart.CERBOS, "cerbos", dir + "/values/cerbos.yaml", dir + "/overrides/cerbos.yaml", 0)));
        }
    }

    // ---- Argo CD -----------------------------------------------------------------------------

    private Map<String, Object> appProject(Project p) {
        List<Object> sourceRepos = new ArrayList<>();
        sourceRepos.add(p.repoUrl);
        java.util.TreeSet<String> upstream = new java.util.TreeSet<>();
        for (UpstreamChart u : UpstreamChart.values()) {
            upstream.add(charts.resolve(u).repository());
        }
        sourceRepos.addAll(upstream);
        List<Object> destinations = new ArrayList<>();
        for (ResolvedCluster c : p.clusters) {
            destinations.add(map("name", c.name(), "namespace", "*"));
        }
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "AppProject",
                "metadata", map("name", p.name, "namespace", ARGOCD_NAMESPACE, "labels", labels(p, null, null),
                        "annotations", map("argocd.argoproj.io/sync-wave", "-100")),
                "spec", map(
                        "description", "vectorweight project " + p.name + " (" + p.environment + ")",
                        "sourceRepos", sourceRepos,
                        "destinations", destinations,
                        "clusterResourceWhitelist", List.of(map("group", "*", "kind", "*")),
                        "namespaceResourceWhitelist", List.of(map("group", "*", "kind", "*")),
                        "orphanedResources", map("warn", true)));
    }

    private Map<String, Object> rootApplication(Project p) {
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "Application",
                "metadata", map("name", p.name + "-root", "namespace", ARGOCD_NAMESPACE, "labels", labels(p, null, "root")),
                "spec", map(
                        "project", p.name,
                        "source", map("repoURL", p.repoUrl, "targetRevision", "HEAD", "path", "argocd/apps",
                                "directory", map("recurse", true)),
                        "destination", map("name", p.hub(), "namespace", ARGOCD_NAMESPACE),
                        "syncPolicy", syncPolicy()));
    }

    private Map<String, Object> baseApplication(Project p, ResolvedCluster c) {
        String dir = "clusters/" + c.name();
        Map<String, Object> helm = map("releaseName", "cluster-base",
                "valueFiles", List.of("$values/" + dir + "/values/base.yaml", "$values/" + dir + "/overrides/base.yaml"),
                "ignoreMissingValueFiles", true);
        return application(p, c.name() + "-base", c.name(), "base", "default", -10, List.of(
                map("repoURL", p.repoUrl, "targetRevision", "HEAD", "path", BASE_CHART, "helm", helm),
                map("repoURL", p.repoUrl, "targetRevision", "HEAD", "ref", "values")));
    }

    private Map<String, Object> upstreamApplication(Project p, String name, String cluster, UpstreamChart chart,
                                                    String namespace, String valuesFile, String overridesFile, int wave) {
        ChartLocation at = charts.resolve(chart);
        List<Object> valueFiles = new ArrayList<>();
        valueFiles.add("$values/" + valuesFile);
        if (overridesFile != null) {
            valueFiles.add("$values/" + overridesFile);
        }
        Map<String, Object> helm = map("releaseName", chart.component, "valueFiles", valueFiles, "ignoreMissingValueFiles", true);
        return application(p, name, cluster, chart.component, namespace, wave, List.of(
                map("repoURL", at.repository(), "chart", at.chart(), "targetRevision", at.version(), "helm", helm),
                map("repoURL", p.repoUrl, "targetRevision", "HEAD", "ref", "values")));
    }

    private Map<String, Object> application(Project p, String name, String cluster, String component, String namespace,
                                            int wave, List<Object> sources) {
        Map<String, Object> metadata = map("name", name, "namespace", ARGOCD_NAMESPACE,
                "labels", labels(p, cluster, component),
                "annotations", map("argocd.argoproj.io/sync-wave", Integer.toString(wave)));
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "Application",
                "metadata", metadata,
                "spec", map(
                        "project", p.name,
                        "sources", sources,
                        "destination", map("name", cluster, "namespace", namespace),
                        "syncPolicy", syncPolicy()));
    }

    private static Map<String, Object> syncPolicy() {
        return map(
                "automated", map("prune", true, "selfHeal", true),
                "syncOptions", List.of("CreateNamespace=false", "ServerSideApply=true"),
                "retry", map("limit", 5, "backoff", map("duration", "10s", "factor", 2, "maxDuration", "3m")));
    }

    private static Map<String, Object> labels(Project p, String cluster, String component) {
        Map<String, Object> labels = map("app.kubernetes.io/managed-by", "vectorweight", "app.kubernetes.io/part-of", p.name);
        if (cluster != null) {
            labels.put("vectorweight.dev/cluster", cluster);
        }
        if (component != null) {
            labels.put("vectorweight.dev/component", component);
        }
        return labels;
    }

    // ---- local chart values -------------------------------------------------------------------

    private static Map<String, Object> chartYaml() {
        return map("apiVersion", "v2", "name", "cluster-base",
                "description", "Namespaces with Pod Security labels, default-deny network policies, quotas and Cerbos policies of one cluster",
                "type", "application", "version", BASE_CHART_VERSION, "appVersion", BASE_CHART_VERSION,
                "maintainers", List.of(map("name", "vectorweight")));
    }

    private static Map<String, Object> baseValues(Project p, ResolvedCluster c) {
        List<Object> namespaces = new ArrayList<>();
        List<Object> workloadEgress = new ArrayList<>();
        String store = c.vectorStoreName();
        if (store != null) {
            workloadEgress.add(peer(store, clientPorts(store)));
        }
        if (c.cerbos()) {
            workloadEgress.add(peer("cerbos", clientPorts("cerbos")));
        }
        Map<String, Object> quota = map("cpu", Integer.toString(c.cpuCores()), "memory", c.memoryGib() + "Gi",
                "storage", c.storageGib() + "Gi");
        if (c.gpuCount() > 0) {
            quota.put("gpu", c.gpuCount());
        }
        Map<String, Object> workloads = map("name", WORKLOADS_NAMESPACE, "podSecurity", "restricted",
                "allowIngressController", true, "allowApiServer", false, "ingressFrom", List.of(), "egressTo", workloadEgress,
                "quota", quota, "limitRange", limitRange(c));
        namespaces.add(workloads);
        if (c.gpu()) {
            namespaces.add(map("name", "gpu-operator", "podSecurity", "privileged", "allowIngressController", false,
                    "allowApiServer", true, "ingressFrom", List.of(), "egressTo", List.of()));
        }
        if (store != null) {
            namespaces.add(map("name", store, "podSecurity", "restricted", "allowIngressController", false,
                    "allowApiServer", false, "ingressFrom", List.of(peer(WORKLOADS_NAMESPACE, clientPorts(store))),
                    "egressTo", List.of(), "limitRange", limitRange(c)));
        }
        if (c.cerbos()) {
            namespaces.add(map("name", "cerbos", "podSecurity", "restricted", "allowIngressController", false,
                    "allowApiServer", false, "ingressFrom", List.of(peer(WORKLOADS_NAMESPACE, clientPorts("cerbos"))),
                    "egressTo", List.of(), "limitRange", limitRange(c)));
        }
        return map(
                "cluster", map("name", c.name(), "domain", c.domain(), "project", p.name, "environment", p.environment),
                "ingressControllerNamespace", "ingress-nginx",
                "namespaces", namespaces,
                "cerbos", map("enabled", c.cerbos(), "namespace", "cerbos"));
    }

    private static Map<String, Object> peer(String namespace, int[] ports) {
        List<Object> list = new ArrayList<>();
        for (int port : ports) {
            list.add(port);
        }
        return map("namespace", namespace, "ports", list);
    }

    private static Map<String, Object> limitRange(ResolvedCluster c) {
        return map("defaultCpu", "500m", "defaultMemory", "512Mi", "defaultRequestCpu", "100m",
                "defaultRequestMemory", "128Mi", "maxCpu", Integer.toString(c.cpuCores()), "maxMemory", c.memoryGib() + "Gi");
    }

    // ---- upstream chart values ----------------------------------------------------------------

    private static Map<String, Object> restrictedPod() {
        return map("runAsNonRoot", true, "runAsUser", 1000, "fsGroup", 1000, "seccompProfile", map("type", "RuntimeDefault"));
    }

    private static Map<String, Object> restrictedContainer() {
        return map("allowPrivilegeEscalation", false, "capabilities", map("drop", List.of("ALL")),
                "runAsNonRoot", true, "seccompProfile", map("type", "RuntimeDefault"));
    }

    private static Map<String, Object> resources(ResolvedCluster c) {
        int cpu = Math.max(1, c.cpuCores() / 2);
        int mem = Math.max(2, c.memoryGib() / 2);
        return map("requests", map("cpu", "250m", "memory", "512Mi"),
                "limits", map("cpu", Integer.toString(cpu), "memory", mem + "Gi"));
    }

    private static Map<String, Object> vectorStoreValues(String store, ResolvedCluster c) {
        Map<String, Object> volume = map("size", c.vectorStoreVolumeGib() + "Gi");
        if (c.storageClass() != null) {
            volume.put("storageClassName", c.storageClass());
        }
        return switch (store) {
            case "weaviate" -> map("replicas", 1, "storage", volume,
                    "resources", resources(c),
                    "initContainers", map("sysctlInitContainer", map("enabled", false)),
                    "securityContext", restrictedPod(), "containerSecurityContext", restrictedContainer(),
                    "service", map("type", "ClusterIP"), "grpcService", map("enabled", true, "type", "ClusterIP"));
            case "qdrant" -> map("replicaCount", 1, "persistence", volume, "resources", resources(c),
                    "podSecurityContext", restrictedPod(), "containerSecurityContext", restrictedContainer(),
                    "service", map("type", "ClusterIP"));
            default -> map("replicaCount", 1, "persistence", map("enabled", true, "size", volume.get("size")),
                    "resources", resources(c),
                    "podSecurityContext", restrictedPod(), "securityContext", restrictedContainer(),
                    "service", map("type", "ClusterIP"));
        };
    }

    private static Map<String, Object> gpuOperatorValues() {
        return map("operator", map("defaultRuntime", "containerd"),
                "driver", map("enabled", true),
                "toolkit", map("enabled", true),
                "dcgmExporter", map("enabled", true),
                "nfd", map("enabled", true));
    }

    private static Map<String, Object> cerbosValues() {
        return map("replicaCount", 1,
                "cerbos", map("config", map("storage", map("driver", "disk",
                        "disk", map("directory", "/policies", "watchForChanges", true)))),
                "volumes", List.of(map("name", "policies", "configMap", map("name", "cerbos-policies"))),
                "volumeMounts", List.of(map("name", "policies", "mountPath", "/policies", "readOnly", true)),
                "podSecurityContext", restrictedPod(), "securityContext", restrictedContainer());
    }

    private static Map<String, Object> argoCdValues(Project p) {
        return map("global", map("domain", "argocd." + p.clusters.get(0).domain()),
                "configs", map("params", map("server.insecure", false),
                        "cm", map("application.resourceTrackingMethod", "annotation",
                                // Argo CD no longer assesses the health of Applications; without this the
                                // root application would not wait for one sync wave before the next.
                                "resource.customizations.health.argoproj.io_Application", APPLICATION_HEALTH)),
                "dex", map("enabled", false));
    }

    private static byte[] renovate() {
        String json = """
                {
                  "$schema": "https://docs.renovatebot.com/renovate-schema.json",
                  "extends": ["config:recommended"],
                  "argocd": {
                    "fileMatch": ["^argocd/.+\\\\.yaml$"]
                  },
                  "customManagers": [
                    {
                      "customType": "regex",
                      "fileMatch": ["^deploy\\\\.sh$"],
                      "matchStrings": ["ARGOCD_CHART_VERSION=\\"(?<currentValue>[^\\"]+)\\""],
                      "depNameTemplate": "argo-cd",
                      "datasourceTemplate": "helm",
                      "registryUrlTemplate": "https://argoproj.github.io/argo-helm"
                    }
                  ],
                  "packageRules": [
                    {
                      "matchManagers": ["argocd", "custom.regex"],
                      "matchDepNames": ["argo-cd"],
                      "groupName": "Argo CD"
                    }
                  ]
                }
                """;
        return json.getBytes(StandardCharsets.UTF_8);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static void put(TreeMap<String, byte[]> out, String path, String text) {
        out.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(TreeMap<String, byte[]> out, String path, byte[] bytes) {
        out.put(path, bytes);
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The config with every default applied. */
    static final class Project {
        final String name;
        final String environment;
        final String repoUrl;
        final List<ResolvedCluster> clusters = new ArrayList<>();
        final boolean gpuOperator;
        final boolean autoCreateRepositories;

        Project(ToolkitConfig config) {
            name = config.projectName;
            environment = (config.environment == null ? Environment.PRODUCTION : config.environment).name().toLowerCase(Locale.ROOT);
            String owner = config.github == null || config.github.owner == null || config.github.owner.isBlank()
                    ? "CHANGE-ME" : config.github.owner;
            repoUrl = "https://github.com/" + owner + "/" + name + "-deployment.git";
            gpuOperator = Boolean.TRUE.equals(config.enableGpuOperator);
            autoCreateRepositories = Boolean.TRUE.equals(config.autoCreateRepositories);
            for (ClusterConfig c : config.clusters) {
                clusters.add(ResolvedCluster.of(c, gpuOperator));
            }
        }

        /** The cluster that runs Argo CD: the first one. */
        String hub() {
            return clusters.get(0).name();
        }
    }
}
