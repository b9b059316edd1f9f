package dev.ailab.generators.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each pinned chart reads the images it makes the cluster pull, so that an airgapped
 * site's values can point every one of them at {@code sources.image_registry}. Charts split an
 * image reference differently (Qdrant, Cerbos, Chroma and Argo CD take {@code repository}
 * with the host in it, Weaviate a bare {@code registry}, the GPU operator a {@code repository}
 * prefix with the image name beside it, Chroma's init image one string with its tag), so each
 * entry names the values key and the chart's own default there; the rewrite replaces only the
 * default's host, keeping the path, which is where {@code bundle import} pushes each image.
 *
 * <p>Every image a chart's defaults pull is listed, also those our values switch off (Argo CD's
 * Dex, Weaviate's sysctl init container), so an override that switches one back on still pulls
 * from the site. Learnt from each chart's values.yaml and templates at the pinned version (test
 * data under {@code upstream-charts/}); {@code ImageRewriteTest} renders the charts to hold it.
 */
public final class ImageKeys {
    /** A values key ({@code a.b.c}) that holds an image reference or part of one, with the chart's default. */
    public record Key(String path, String upstream) {
        /** The value that points at {@code registry}: the default with its host replaced. */
        public String rewritten(String registry) {
            String path = withoutHost(upstream);
            return path.isEmpty() ? registry : registry + "/" + path;
        }
    }

    private ImageKeys() {
    }

    /** The image keys of {@code chart}, in a fixed order. */
    public static List<Key> of(UpstreamChart chart) {
        return switch (chart) {
            case ARGO_CD -> List.of(
                    new Key("global.image.repository", "quay.io/argoproj/argocd"),
                    new Key("dex.image.repository", "ghcr.io/dexidp/dex"),
                    new Key("redis.image.repository", "public.ecr.aws/docker/library/redis"));
            // the operator starts the operands from these keys (ClusterPolicy), depending on what each
            // node has, so every one is listed; NFD is the chart's node-feature-discovery sub-chart
            case GPU_OPERATOR -> List.of(
                    new Key("validator.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("operator.repository", "nvcr.io/nvidia"),
                    new Key("operator.initContainer.repository", "nvcr.io/nvidia"),
                    new Key("driver.repository", "nvcr.io/nvidia"),
                    new Key("driver.manager.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("toolkit.repository", "nvcr.io/nvidia/k8s"),
                    new Key("devicePlugin.repository", "nvcr.io/nvidia"),
                    new Key("dcgm.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("dcgmExporter.repository", "nvcr.io/nvidia/k8s"),
                    new Key("gfd.repository", "nvcr.io/nvidia"),
                    new Key("migManager.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("nodeStatusExporter.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("gds.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("gdrcopy.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("vgpuManager.driverManager.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("vgpuDeviceManager.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("vfioManager.repository", "nvcr.io/nvidia"),
                    new Key("vfioManager.driverManager.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("kataManager.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key("sandboxDevicePlugin.repository", "nvcr.io/nvidia"),
                    new Key("ccManager.repository", "nvcr.io/nvidia/cloud-native"),
                    new Key(NFD_IMAGE, "registry.k8s.io/nfd/node-feature-discovery"));
            case WEAVIATE -> List.of(
                    new Key("image.registry", "cr.weaviate.io"),
                    new Key("initContainers.sysctlInitContainer.image.registry", "docker.io"));
            case QDRANT -> List.of(new Key("image.repository", "docker.io/qdrant/qdrant"));
            case CHROMA -> List.of(
                    new Key("image.repository", "ghcr.io/chroma-core/chroma"),
                    new Key("initImage", "docker.io/httpd:2"));
            case CERBOS -> List.of(new Key("image.repository", "ghcr.io/cerbos/cerbos"));
        };
    }

    /**
     * The key of the GPU operator's sub-chart node-feature-discovery, whose default lives in the
     * sub-chart's values.yaml (registry.k8s.io/nfd/node-feature-discovery), not the operator's.
     */
    public static final String NFD_IMAGE = "node-feature-discovery.image.repository";

    /** The values that point every image of {@code chart} at {@code registry}, as nested maps. */
    public static Map<String, Object> values(UpstreamChart chart, String registry) {
        String reg = registry.replaceAll("/+$", "");
        Map<String, Object> root = new LinkedHashMap<>();
        for (Key k : of(chart)) {
            String[] parts = k.path().split("\\.");
            Map<String, Object> at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(parts[i], x -> new LinkedHashMap<String, Object>());
                at = next;
            }
            at.put(parts[parts.length - 1], k.rewritten(reg));
        }
        return root;
    }

    /**
     * {@code reference} without its registry host, as Docker reads it: the first segment is a
     * host when it has a dot or a port, or is {@code localhost}. A bare host (Weaviate's
     * {@code registry}, no slash: a dot, never a tag) gives "".
     */
    public static String withoutHost(String reference) {
        int slash = reference.indexOf('/');
        String first = slash < 0 ? reference : reference.substring(0, slash);
        boolean host = slash < 0
                ? first.contains(".") && !first.contains(":") || first.startsWith("localhost")
                : first.contains(".") || first.contains(":") || first.equals("localhost");
        if (!host) {
            return reference;
        }
        return slash < 0 ? "" : reference.substring(slash + 1);
    }
}
