package dev.ailab.generators.vectorweight;

import dev.ailab.generators.charts.UpstreamChart;
import java.util.List;

/**
 * What the pinned upstream charts do that the engines must allow for, learnt by rendering them
 * (the chart sources are test data, see {@code scripts/refresh-upstream-charts.sh}): the Pod
 * Security level each one's pods can meet through values, and the objects a chart renders
 * differently on every run.
 */
final class ChartQuirks {
    /** The Secret the Chroma chart reads its auth token from; we manage it instead of the chart's random one. */
    static final String CHROMA_AUTH_SECRET = "chroma-auth";

    /** An object whose data a chart re-randomises on every render (a {@code lookup} that Argo CD cannot answer). */
    record VolatileObject(String kind, String name, String jsonPointer) {
    }

    private ChartQuirks() {
    }

    /** Pod Security level of the component's namespace: restricted unless the chart cannot meet it through values. */
    static String podSecurity(UpstreamChart chart) {
        return switch (chart) {
            case GPU_OPERATOR -> "privileged";
            case CHROMA -> "baseline";
            default -> "restricted";
        };
    }

    /** Why a namespace is below restricted, for the generated README; null when it is restricted. */
    static String podSecurityReason(UpstreamChart chart) {
        return switch (chart) {
            case GPU_OPERATOR -> "the operator's driver and toolkit daemons need host access and privileged containers";
            case CHROMA -> "chart " + chart.chart + " " + chart.version + " writes one `podSpec.securityContext` map into both the pod"
                    + " and the container, so `allowPrivilegeEscalation: false` and dropped capabilities (container-only"
                    + " fields) cannot be set, and its image runs as root";
            default -> null;
        };
    }

    /** Objects of the chart whose data changes on every render. */
    static List<VolatileObject> volatileObjects(UpstreamChart chart) {
        return chart == UpstreamChart.WEAVIATE
                ? List.of(new VolatileObject("Secret", "weaviate-cluster-api-basic-auth", "/data"))
                : List.of();
    }
}
