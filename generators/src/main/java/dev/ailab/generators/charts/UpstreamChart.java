package dev.ailab.generators.charts;

/**
 * The one table of upstream Helm charts we reference: official repository, chart name and the
 * pinned version. Renovate (configured in the generated repository) proposes bumps by pull
 * request; change a pin here to change what new repositories start with.
 */
public enum UpstreamChart {
    ARGO_CD("argocd", "https://argoproj.github.io/argo-helm", "argo-cd", "7.8.2"),
    GPU_OPERATOR("gpu-operator", "https://helm.ngc.nvidia.com/nvidia", "gpu-operator", "v24.9.2"),
    WEAVIATE("weaviate", "https://weaviate.github.io/weaviate-helm", "weaviate", "17.3.3"),
    QDRANT("qdrant", "https://qdrant.github.io/qdrant-helm", "qdrant", "1.13.4"),
    CHROMA("chroma", "https://amikos-tech.github.io/chromadb-chart", "chromadb", "0.1.23"),
    CERBOS("cerbos", "https://download.cerbos.dev/helm-charts", "cerbos", "0.40.0");

    /** Our name for the component. */
    public final String component;
    public final String repository;
    public final String chart;
    public final String version;

    UpstreamChart(String component, String repository, String chart, String version) {
        this.component = component;
        this.repository = repository;
        this.chart = chart;
        this.version = version;
    }
}
