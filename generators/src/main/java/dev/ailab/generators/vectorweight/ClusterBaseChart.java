package dev.ailab.generators.vectorweight;

import static dev.ailab.generators.vectorweight.Maps.map;

import java.util.List;
import java.util.Map;

/**
 * Our local chart {@code charts/cluster-base} (namespaces, network policies, quotas and Cerbos
 * policies of one cluster, from templates shipped in the jar) and its values per cluster,
 * {@code clusters/<cluster>/values/base.yaml}, made from {@link NamespacePolicies} and {@link Quotas}.
 */
final class ClusterBaseChart implements RepositoryPart {
    static final String NAME = "cluster-base";
    static final String PATH = "charts/" + NAME;
    static final String VERSION = "0.1.0";
    /** Our name for the component, in labels and file names. */
    static final String COMPONENT = "base";

    private static final String[] FILES = {
        "values.yaml", "values.schema.json", "templates/_helpers.tpl", "templates/namespaces.yaml",
        "templates/networkpolicies.yaml", "templates/quotas.yaml", "templates/cerbos-policies.yaml",
        "policies/model.yaml", "policies/vector_collection.yaml"};

    private final Project p;

    ClusterBaseChart(Project p) {
        this.p = p;
    }

    @Override
    public void writeTo(OutputFiles out) {
        out.yaml(PATH + "/Chart.yaml", chartYaml());
        for (String f : FILES) {
            out.bytes(PATH + "/" + f, Resources.bytes("chart/" + f));
        }
        for (ResolvedCluster c : p.clusters) {
            out.yaml(Layout.values(c.name(), COMPONENT), values(c));
        }
    }

    private static Map<String, Object> chartYaml() {
        return map("apiVersion", "v2", "name", NAME,
                "description", "Namespaces with Pod Security labels, default-deny network policies, quotas and Cerbos policies of one cluster",
                "type", "application", "version", VERSION, "appVersion", VERSION,
                "maintainers", List.of(map("name", "vectorweight")));
    }

    /** The values of cluster-base in cluster {@code c}, a fresh map. */
    Map<String, Object> values(ResolvedCluster c) {
        List<Map<String, Object>> namespaces = NamespacePolicies.namespaces(c);
        for (Map<String, Object> ns : namespaces) {
            ns.putAll(Quotas.of((String) ns.get("name"), c));
        }
        return map(
                "cluster", map("name", c.name(), "domain", c.domain(), "project", p.name, "environment", p.environment),
                "ingressControllerNamespace", NamespacePolicies.INGRESS_CONTROLLER_NAMESPACE,
                "namespaces", namespaces,
                "cerbos", map("enabled", c.cerbos(), "namespace", NamespacePolicies.CERBOS_NAMESPACE));
    }
}
