package dev.ailab.generators.vectorweight;

import static dev.ailab.generators.vectorweight.Maps.map;

import dev.ailab.generators.charts.ChartLocation;
import dev.ailab.generators.charts.ChartResolver;
import dev.ailab.generators.charts.UpstreamChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code argocd/}: the AppProject, the root Application (app of apps) and one Application per
 * component and cluster, ordered by sync waves: Argo CD -20, base -10, the cluster's SOPS secrets
 * (through KSOPS, see {@link Ksops}) -8, GPU operator -5, the rest 0.
 */
final class ArgoCdObjects implements RepositoryPart {
    static final String NAMESPACE = "argocd";
    /** The component name of a cluster's secrets Application ({@code <cluster>-secrets}). */
    static final String SECRETS = "secrets";

    private final Project p;
    private final ChartResolver charts;

    ArgoCdObjects(Project p, ChartResolver charts) {
        this.p = p;
        this.charts = charts;
    }

    @Override
    public void writeTo(OutputFiles out) {
        out.yaml(Layout.PROJECT, appProject());
        out.yaml(Layout.ROOT, rootApplication());
        out.yaml(Layout.ARGOCD_APPLICATION, upstreamApplication("argocd", p.hub(), UpstreamChart.ARGO_CD, NAMESPACE,
                Layout.ARGOCD_VALUES, null, -20));
        for (ResolvedCluster c : p.clusters) {
            out.yaml(Layout.application(c.name(), ClusterBaseChart.COMPONENT), baseApplication(c));
            List<String> secretFiles = p.secretFiles.getOrDefault(c.name(), List.of());
            if (!secretFiles.isEmpty()) {
                out.yaml(Layout.application(c.name(), SECRETS), secretsApplication(c));
                Ksops.files(c.name(), secretFiles).forEach(out::text);
            }
            for (UpstreamChart chart : c.components()) {
                String component = chart.component;
                out.yaml(Layout.application(c.name(), component), upstreamApplication(c.name() + "-" + component, c.name(),
                        chart, component, Layout.values(c.name(), component), Layout.overrides(c.name(), component), wave(chart)));
            }
        }
    }

    /** Sync wave of an upstream component of a cluster: the GPU operator before the rest. */
    private static int wave(UpstreamChart chart) {
        return chart == UpstreamChart.GPU_OPERATOR ? -5 : 0;
    }

    private Map<String, Object> appProject() {
        List<Object> sourceRepos = new ArrayList<>();
        sourceRepos.add(p.repoUrl);
        TreeSet<String> upstream = new TreeSet<>();
        for (UpstreamChart u : UpstreamChart.values()) {
            upstream.add(charts.resolve(u).repositoryOr(p.repoUrl));
        }
        upstream.remove(p.repoUrl);
        sourceRepos.addAll(upstream);
        List<Object> destinations = new ArrayList<>();
        for (ResolvedCluster c : p.clusters) {
            destinations.add(map("name", c.name(), "namespace", "*"));
        }
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "AppProject",
                "metadata", map("name", p.name, "namespace", NAMESPACE, "labels", labels(null, null),
                        "annotations", map("argocd.argoproj.io/sync-wave", "-100")),
                "spec", map(
                        "description", "vectorweight project " + p.name + " (" + p.environment + ")",
                        "sourceRepos", sourceRepos,
                        "destinations", destinations,
                        "clusterResourceWhitelist", List.of(map("group", "*", "kind", "*")),
                        "namespaceResourceWhitelist", List.of(map("group", "*", "kind", "*")),
                        "orphanedResources", map("warn", true)));
    }

    private Map<String, Object> rootApplication() {
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "Application",
                "metadata", map("name", p.name + "-root", "namespace", NAMESPACE, "labels", labels(null, "root")),
                "spec", map(
                        "project", p.name,
                        "source", map("repoURL", p.repoUrl, "targetRevision", "HEAD", "path", Layout.APPS,
                                "directory", map("recurse", true)),
                        "destination", map("name", p.hub(), "namespace", NAMESPACE),
                        "syncPolicy", syncPolicy()));
    }

    private Map<String, Object> baseApplication(ResolvedCluster c) {
        String component = ClusterBaseChart.COMPONENT;
        Map<String, Object> helm = map("releaseName", ClusterBaseChart.NAME,
                "valueFiles", List.of("$values/" + Layout.values(c.name(), component), "$values/" + Layout.overrides(c.name(), component)),
                "ignoreMissingValueFiles", true);
        return application(c.name() + "-" + component, c.name(), component, "default", -10, List.of(
                map("repoURL", p.repoUrl, "targetRevision", "HEAD", "path", ClusterBaseChart.PATH, "helm", helm),
                map("repoURL", p.repoUrl, "targetRevision", "HEAD", "ref", "values")));
    }

    /**
     * The cluster's SOPS secrets, decrypted by KSOPS in the repo server when it builds the
     * folder's kustomization; after the base (namespaces), before the charts that read them.
     */
    private Map<String, Object> secretsApplication(ResolvedCluster c) {
        return application(c.name() + "-" + SECRETS, c.name(), SECRETS, ClusterSecrets.DEFAULT_NAMESPACE, -8, List.of(
                map("repoURL", p.repoUrl, "targetRevision", "HEAD", "path", Layout.secrets(p.engine, c.name()))));
    }

    private Map<String, Object> upstreamApplication(String name, String cluster, UpstreamChart chart,
                                                    String namespace, String valuesFile, String overridesFile, int wave) {
        ChartLocation at = charts.resolve(chart);
        List<Object> valueFiles = new ArrayList<>();
        valueFiles.add("$values/" + valuesFile);
        if (overridesFile != null) {
            valueFiles.add("$values/" + overridesFile);
        }
        Map<String, Object> helm = map("releaseName", chart.component, "valueFiles", valueFiles, "ignoreMissingValueFiles", true);
        Map<String, Object> source = at.inGit()
                ? map("repoURL", at.repositoryOr(p.repoUrl), "path", at.path(), "targetRevision", "HEAD", "helm", helm)
                : map("repoURL", at.repository(), "chart", at.chart(), "targetRevision", at.version(), "helm", helm);
        Map<String, Object> app = application(name, cluster, chart.component, namespace, wave, List.of(source,
                map("repoURL", p.repoUrl, "targetRevision", "HEAD", "ref", "values")));
        ignoreVolatileObjects(app, chart, namespace);
        return app;
    }

    /** Keeps a chart's re-randomised data from making the Application OutOfSync and self-heal rotating it. */
    @SuppressWarnings("unchecked")
    private static void ignoreVolatileObjects(Map<String, Object> app, UpstreamChart chart, String namespace) {
        List<ChartQuirks.VolatileObject> objects = ChartQuirks.volatileObjects(chart);
        if (objects.isEmpty()) {
            return;
        }
        Map<String, Object> spec = (Map<String, Object>) app.get("spec");
        List<Object> ignore = new ArrayList<>();
        for (ChartQuirks.VolatileObject o : objects) {
            ignore.add(map("kind", o.kind(), "name", o.name(), "namespace", namespace, "jsonPointers", List.of(o.jsonPointer())));
        }
        spec.put("ignoreDifferences", ignore);
        Map<String, Object> sync = (Map<String, Object>) spec.get("syncPolicy");
        List<Object> options = new ArrayList<>((List<Object>) sync.get("syncOptions"));
        options.add("RespectIgnoreDifferences=true");
        sync.put("syncOptions", options);
    }

    private Map<String, Object> application(String name, String cluster, String component, String namespace,
                                            int wave, List<Object> sources) {
        Map<String, Object> metadata = map("name", name, "namespace", NAMESPACE,
                "labels", labels(cluster, component),
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

    private Map<String, Object> labels(String cluster, String component) {
        Map<String, Object> labels = map("app.kubernetes.io/managed-by", "vectorweight", "app.kubernetes.io/part-of", p.name);
        if (cluster != null) {
            labels.put("vectorweight.dev/cluster", cluster);
        }
        if (component != null) {
            labels.put("vectorweight.dev/component", component);
        }
        return labels;
    }
}
