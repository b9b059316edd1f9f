package dev.ailab.generators.vectorweight;

import static dev.ailab.generators.vectorweight.Maps.map;

import dev.ailab.generators.charts.ChartLocation;
import dev.ailab.generators.charts.ChartResolver;
import dev.ailab.generators.charts.UpstreamChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code flux/<cluster>/}: what {@code flux bootstrap} users expect per cluster. The
 * GitRepository of this repository and the cluster's root Kustomization (which syncs the
 * cluster's folder, itself included), the chart sources the {@link ChartResolver} gives (a
 * HelmRepository or OCIRepository per chart, the site's git mirror as one GitRepository, or
 * none for charts vendored into this repository), and a HelmRelease per component with the
 * same values the Argo CD engine gets. Sync waves become
 * {@code dependsOn}: base first, then the GPU operator, then the rest; every link names a
 * HelmRelease of the same cluster.
 */
final class FluxObjects implements RepositoryPart {
    /** The Flux release deploy.sh installs; its CRDs are the ones the tests validate against. */
    static final String FLUX_VERSION = "v2.9.0";
    static final String NAMESPACE = "flux-system";
    /** Name of the GitRepository and of each cluster's root Kustomization, as flux bootstrap names them. */
    static final String SYNC_NAME = "flux-system";
    static final String INTERVAL = "10m";
    /** The Secret in flux-system holding the cluster's age identity, as Flux's documentation names it. */
    static final String SOPS_SECRET = "sops-age";
    private static final int RETRIES = 3;
    /** The GitRepository of the site's chart mirror ({@code airgapped_git}). */
    static final String MIRROR = "chart-mirror";
    /** The layer of a Helm chart in an OCI artifact, which Flux hands to helm-controller as the chart. */
    static final String HELM_CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    private final Project p;
    private final ChartResolver charts;
    private final ComponentValues values;
    private final ClusterBaseChart base;

    FluxObjects(Project p, ChartResolver charts) {
        this.p = p;
        this.charts = charts;
        this.values = new ComponentValues(p);
        this.base = new ClusterBaseChart(p);
    }

    @Override
    public void writeTo(OutputFiles out) {
        for (ResolvedCluster c : p.clusters) {
            out.yaml(Layout.fluxSync(c.name(), "source"), gitRepository());
            out.yaml(Layout.fluxSync(c.name(), "sync"), rootKustomization(c));
            out.yaml(Layout.fluxRelease(c.name(), ClusterBaseChart.COMPONENT), baseRelease(c));
            java.util.Set<String> mirrors = new java.util.TreeSet<>();
            for (UpstreamChart chart : c.components()) {
                ChartLocation at = charts.resolve(chart);
                if (!at.inGit()) {
                    out.yaml(Layout.fluxSource(c.name(), chart.component), chartSource(c, chart, at));
                } else if (at.repository() != null) {
                    mirrors.add(at.repository());
                }
                out.yaml(Layout.fluxRelease(c.name(), chart.component), upstreamRelease(c, chart, at));
            }
            if (mirrors.size() > 1) {
                throw new IllegalStateException("one git mirror per site, got " + mirrors);
            }
            mirrors.forEach(url -> out.yaml(Layout.fluxSource(c.name(), MIRROR), mirror(c, url)));
        }
    }

    private Map<String, Object> gitRepository() {
        return map("apiVersion", "source.toolkit.fluxcd.io/v1", "kind", "GitRepository",
                "metadata", metadata(SYNC_NAME, null, null),
                "spec", map("interval", "1m", "url", p.repoUrl, "ref", map("branch", "main")));
    }

    private Map<String, Object> rootKustomization(ResolvedCluster c) {
        Map<String, Object> spec = map("interval", INTERVAL, "path", "./" + Layout.fluxCluster(c.name()), "prune", true,
                "sourceRef", map("kind", "GitRepository", "name", SYNC_NAME));
        if (p.sopsRecipients.containsKey(c.name())) {
            // the SOPS secrets under flux/<cluster>/secrets/; deploy.sh --age-key makes the sops-age Secret
            spec.put("decryption", map("provider", "sops", "secretRef", map("name", SOPS_SECRET)));
        }
        return map("apiVersion", "kustomize.toolkit.fluxcd.io/v1", "kind", "Kustomization",
                "metadata", metadata(SYNC_NAME, c.name(), null), "spec", spec);
    }

    /**
     * Where a packaged chart comes from: an OCIRepository for an {@code oci://} registry (the
     * artifact of one chart at its pinned tag), else a HelmRepository (upstream or the site's).
     */
    private Map<String, Object> chartSource(ResolvedCluster c, UpstreamChart chart, ChartLocation at) {
        if (oci(at)) {
            Map<String, Object> spec = map("interval", "1h", "url", at.repository().replaceAll("/+$", "") + "/" + at.chart(),
                    "ref", map("tag", at.version()),
                    "layerSelector", map("mediaType", HELM_CHART_LAYER, "operation", "copy"));
            return map("apiVersion", "source.toolkit.fluxcd.io/v1", "kind", "OCIRepository",
                    "metadata", metadata(chart.component, c.name(), chart.component), "spec", spec);
        }
        return map("apiVersion", "source.toolkit.fluxcd.io/v1", "kind", "HelmRepository",
                "metadata", metadata(chart.component, c.name(), chart.component),
                "spec", map("interval", "1h", "url", at.repository()));
    }

    /** The site's git mirror of the charts ({@code airgapped_git}): one GitRepository the releases take folders of. */
    private Map<String, Object> mirror(ResolvedCluster c, String url) {
        return map("apiVersion", "source.toolkit.fluxcd.io/v1", "kind", "GitRepository",
                "metadata", metadata(MIRROR, c.name(), null),
                "spec", map("interval", "1h", "url", url, "ref", map("branch", "main")));
    }

    private static boolean oci(ChartLocation at) {
        return !at.inGit() && at.repository().startsWith("oci://");
    }

    private Map<String, Object> baseRelease(ResolvedCluster c) {
        Map<String, Object> chart = map("chart", "./" + ClusterBaseChart.PATH, "reconcileStrategy", "Revision",
                "sourceRef", map("kind", "GitRepository", "name", SYNC_NAME, "namespace", NAMESPACE), "interval", INTERVAL);
        return release(c, ClusterBaseChart.COMPONENT, ClusterBaseChart.NAME, "default", map("chart", map("spec", chart)),
                List.of(), base.values(c), List.of());
    }

    /**
     * A component's HelmRelease; its chart per mode: a chart of a HelmRepository at the pinned
     * version, the OCIRepository's artifact ({@code chartRef}), a folder of the git mirror, or a
     * folder of this repository (charts vendored under {@code charts/}).
     */
    private Map<String, Object> upstreamRelease(ResolvedCluster c, UpstreamChart upstream, ChartLocation at) {
        Map<String, Object> chart;
        if (at.inGit()) {
            String source = at.repository() == null ? SYNC_NAME : MIRROR;
            chart = map("chart", map("spec", map("chart", "./" + at.path(),
                    "sourceRef", map("kind", "GitRepository", "name", source, "namespace", NAMESPACE), "interval", INTERVAL)));
        } else if (oci(at)) {
            chart = map("chartRef", map("kind", "OCIRepository", "name", upstream.component, "namespace", NAMESPACE));
        } else {
            chart = map("chart", map("spec", map("chart", at.chart(), "version", at.version(),
                    "sourceRef", map("kind", "HelmRepository", "name", upstream.component, "namespace", NAMESPACE),
                    "interval", INTERVAL)));
        }
        List<String> after = new ArrayList<>();
        after.add(ClusterBaseChart.COMPONENT);
        if (upstream != UpstreamChart.GPU_OPERATOR && c.components().contains(UpstreamChart.GPU_OPERATOR)) {
            after.add(UpstreamChart.GPU_OPERATOR.component);
        }
        return release(c, upstream.component, upstream.component, upstream.component, chart, after,
                values.values(upstream, c), ChartQuirks.volatileObjects(upstream));
    }

    /** {@code chart}: the HelmRelease's {@code chart} (a template) or {@code chartRef} field. */
    private Map<String, Object> release(ResolvedCluster c, String component, String releaseName, String targetNamespace,
                                        Map<String, Object> chart, List<String> dependsOn, Map<String, Object> releaseValues,
                                        List<ChartQuirks.VolatileObject> volatileObjects) {
        Map<String, Object> spec = map("interval", INTERVAL, "releaseName", releaseName, "targetNamespace", targetNamespace);
        spec.putAll(chart);
        if (!dependsOn.isEmpty()) {
            List<Object> links = new ArrayList<>();
            dependsOn.forEach(d -> links.add(map("name", d, "namespace", NAMESPACE)));
            spec.put("dependsOn", links);
        }
        spec.put("install", map("createNamespace", false, "remediation", map("retries", RETRIES)));
        spec.put("upgrade", map("remediation", map("retries", RETRIES, "remediateLastFailure", true)));
        Map<String, Object> drift = map("mode", "enabled");
        if (!volatileObjects.isEmpty()) {
            List<Object> ignore = new ArrayList<>();
            for (ChartQuirks.VolatileObject o : volatileObjects) {
                ignore.add(map("paths", List.of(o.jsonPointer()), "target", map("kind", o.kind(), "name", o.name())));
            }
            drift.put("ignore", ignore);
        }
        spec.put("driftDetection", drift);
        spec.put("values", releaseValues);
        // the user's own values, applied after ours: a ConfigMap they add under flux/<cluster>/overrides/
        spec.put("valuesFrom", List.of(map("kind", "ConfigMap", "name", overridesName(component),
                "valuesKey", "values.yaml", "optional", true)));
        return map("apiVersion", "helm.toolkit.fluxcd.io/v2", "kind", "HelmRelease",
                "metadata", metadata(component, c.name(), component), "spec", spec);
    }

    /** The ConfigMap the HelmRelease of {@code component} reads the user's override values from. */
    static String overridesName(String component) {
        return component + "-overrides";
    }

    private Map<String, Object> metadata(String name, String cluster, String component) {
        Map<String, Object> labels = map("app.kubernetes.io/managed-by", "vectorweight", "app.kubernetes.io/part-of", p.name);
        if (cluster != null) {
            labels.put("vectorweight.dev/cluster", cluster);
        }
        if (component != null) {
            labels.put("vectorweight.dev/component", component);
        }
        return map("name", name, "namespace", NAMESPACE, "labels", labels);
    }
}
