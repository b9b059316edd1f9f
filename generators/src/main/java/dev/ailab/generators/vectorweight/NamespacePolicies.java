package dev.ailab.generators.vectorweight;

import static dev.ailab.generators.vectorweight.Maps.map;

import dev.ailab.generators.charts.UpstreamChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The namespaces of one cluster as the values of {@code cluster-base} describe them: the Pod
 * Security level and the traffic each one's default-deny NetworkPolicy lets through. The
 * workloads namespace reaches the client ports of the vector store and Cerbos; each component
 * namespace is open to the workloads namespace on those ports only.
 */
final class NamespacePolicies {
    static final String WORKLOADS_NAMESPACE = "ai-workloads";
    static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
    static final String CERBOS_NAMESPACE = UpstreamChart.CERBOS.component;

    private NamespacePolicies() {
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

    /** The workloads namespace first, then one per component of {@link ResolvedCluster#components()}; each map is fresh. */
    static List<Map<String, Object>> namespaces(ResolvedCluster c) {
        List<Object> workloadEgress = new ArrayList<>();
        for (UpstreamChart chart : c.components()) {
            if (chart != UpstreamChart.GPU_OPERATOR) {
                workloadEgress.add(peer(chart.component, clientPorts(chart.component)));
            }
        }
        List<Map<String, Object>> namespaces = new ArrayList<>();
        namespaces.add(map("name", WORKLOADS_NAMESPACE, "podSecurity", "restricted",
                "allowIngressController", true, "allowApiServer", false, "ingressFrom", List.of(), "egressTo", workloadEgress));
        for (UpstreamChart chart : c.components()) {
            if (chart == UpstreamChart.GPU_OPERATOR) {
                // the operator's daemons need host access and talk to the API server
                namespaces.add(map("name", chart.component, "podSecurity", ChartQuirks.podSecurity(chart), "allowIngressController", false,
                        "allowApiServer", true, "ingressFrom", List.of(), "egressTo", List.of()));
            } else {
                namespaces.add(map("name", chart.component, "podSecurity", ChartQuirks.podSecurity(chart), "allowIngressController", false,
                        "allowApiServer", false, "ingressFrom", List.of(peer(WORKLOADS_NAMESPACE, clientPorts(chart.component))),
                        "egressTo", List.of()));
            }
        }
        return namespaces;
    }

    private static Map<String, Object> peer(String namespace, int[] ports) {
        List<Object> list = new ArrayList<>();
        for (int port : ports) {
            list.add(port);
        }
        return map("namespace", namespace, "ports", list);
    }
}
