package dev.ailab.generators.vectorweight;

import static dev.ailab.generators.vectorweight.Maps.map;

import dev.ailab.core.config.GitopsConfig;
import dev.ailab.generators.charts.ImageKeys;
import dev.ailab.generators.charts.UpstreamChart;
import java.util.List;
import java.util.Map;

/**
 * The Helm values of each upstream component: Argo CD's own ({@code values/argocd.yaml}) and,
 * per cluster, the GPU operator, the vector store and Cerbos ({@code clusters/<cluster>/values/}),
 * sized from the cluster's budget and restricted to what Pod Security {@code restricted} allows.
 */
final class ComponentValues implements RepositoryPart {
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

    private final Project p;

    ComponentValues(Project p) {
        this.p = p;
    }

    @Override
    public void writeTo(OutputFiles out) {
        if (p.engine == GitopsConfig.Engine.ARGOCD) {
            out.yaml(Layout.ARGOCD_VALUES, argoCd());
        }
        for (ResolvedCluster c : p.clusters) {
            for (UpstreamChart chart : c.components()) {
                out.yaml(Layout.values(c.name(), chart.component), values(chart, c));
            }
        }
    }

    /**
     * The values of {@code chart} in cluster {@code c}: a fresh map, the same for both engines;
     * on an airgapped site with every image pointed at its registry.
     */
    Map<String, Object> values(UpstreamChart chart, ResolvedCluster c) {
        Map<String, Object> values = switch (chart) {
            case ARGO_CD -> argoCdValues();
            case GPU_OPERATOR -> gpuOperator();
            case WEAVIATE, QDRANT, CHROMA -> vectorStore(chart, c);
            case CERBOS -> cerbos();
        };
        if (p.imageRegistry != null) {
            merge(values, ImageKeys.values(chart, p.imageRegistry));
        }
        return values;
    }

    /** Puts {@code extra} into {@code into}, merging maps both have; the maps are our own fresh ones. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> extra) {
        extra.forEach((k, v) -> {
            if (v instanceof Map && into.get(k) instanceof Map) {
                merge((Map<String, Object>) into.get(k), (Map<String, Object>) v);
            } else {
                into.put(k, v);
            }
        });
    }

    private Map<String, Object> argoCd() {
        return values(UpstreamChart.ARGO_CD, p.clusters.get(0));
    }

    private Map<String, Object> argoCdValues() {
        Map<String, Object> values = map("global", map("domain", "argocd." + p.clusters.get(0).domain()),
                "configs", map("params", map("server.insecure", false),
                        "cm", map("application.resourceTrackingMethod", "annotation",
                                // Argo CD no longer assesses the health of Applications; without this the
                                // root application would not wait for one sync wave before the next.
                                "resource.customizations.health.argoproj.io_Application", APPLICATION_HEALTH)),
                "dex", map("enabled", false));
        if (p.engine == GitopsConfig.Engine.ARGOCD && !p.sopsRecipients.isEmpty()) {
            Ksops.configureRepoServer(values, p.imageRegistry);
        }
        return values;
    }

    private static Map<String, Object> gpuOperator() {
        return map("operator", map("defaultRuntime", "containerd"),
                "driver", map("enabled", true),
                "toolkit", map("enabled", true),
                "dcgmExporter", map("enabled", true),
                "nfd", map("enabled", true));
    }

    private static Map<String, Object> vectorStore(UpstreamChart store, ResolvedCluster c) {
        Map<String, Object> volume = map("size", c.vectorStoreVolumeGib() + "Gi");
        if (c.storageClass() != null) {
            volume.put("storageClassName", c.storageClass());
        }
        return switch (store) {
            case WEAVIATE -> map("replicas", 1, "storage", volume,
                    "resources", resources(c),
                    "initContainers", map("sysctlInitContainer", map("enabled", false)),
                    "securityContext", restrictedPod(), "containerSecurityContext", restrictedContainer(),
                    "service", map("type", "ClusterIP"), "grpcService", map("enabled", true, "type", "ClusterIP"));
            // the chart's ensure-dir-ownership init container runs chown as root: restricted rejects it,
            // and fsGroup already gives the volume to the pod's group
            case QDRANT -> map("replicaCount", 1, "persistence", volume, "resources", resources(c),
                    "podSecurityContext", restrictedPod(), "containerSecurityContext", restrictedContainer(),
                    "updateVolumeFsOwnership", false,
                    "service", map("type", "ClusterIP"));
            case CHROMA -> map("replicaCount", 1, "chromadb", chromaSettings(c), "resources", resources(c),
                    // one map for pod and container (see ChartQuirks): only fields valid in both
                    "podSpec", map("securityContext", map("seccompProfile", map("type", "RuntimeDefault"))),
                    "service", map("type", "ClusterIP"));
            default -> throw new IllegalArgumentException("not a vector store: " + store);
        };
    }

    /** The chart's own keys: without them the volume is 1 Gi and the token changes on every sync. */
    private static Map<String, Object> chromaSettings(ResolvedCluster c) {
        Map<String, Object> chroma = map("isPersistent", true, "dataVolumeSize", c.vectorStoreVolumeGib() + "Gi");
        if (c.storageClass() != null) {
            chroma.put("dataVolumeStorageClass", c.storageClass());
        }
        chroma.put("auth", map("enabled", true, "type", "token", "existingSecret", ChartQuirks.CHROMA_AUTH_SECRET));
        return chroma;
    }

    private static Map<String, Object> cerbos() {
        return map("replicaCount", 1,
                "cerbos", map("config", map("storage", map("driver", "disk",
                        "disk", map("directory", "/policies", "watchForChanges", true)))),
                "volumes", List.of(map("name", "policies", "configMap", map("name", "cerbos-policies"))),
                "volumeMounts", List.of(map("name", "policies", "mountPath", "/policies", "readOnly", true)),
                "podSecurityContext", restrictedPod(), "securityContext", restrictedContainer());
    }

    private static Map<String, Object> restrictedPod() {
        return map("runAsNonRoot", true, "runAsUser", 1000, "fsGroup", 1000, "seccompProfile", map("type", "RuntimeDefault"));
    }

    private static Map<String, Object> restrictedContainer() {
        return map("allowPrivilegeEscalation", false, "capabilities", map("drop", List.of("ALL")),
                "runAsNonRoot", true, "seccompProfile", map("type", "RuntimeDefault"));
    }

    /** Half the cluster's budget as limits, at least 1 core and 2 GiB. */
    private static Map<String, Object> resources(ResolvedCluster c) {
        int cpu = Math.max(1, c.cpuCores() / 2);
        int mem = Math.max(2, c.memoryGib() / 2);
        return map("requests", map("cpu", "250m", "memory", "512Mi"),
                "limits", map("cpu", Integer.toString(cpu), "memory", mem + "Gi"));
    }
}
