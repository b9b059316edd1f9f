package dev.ailab.generators.charts;

/**
 * Where Argo CD and deploy.sh fetch a chart from: a Helm repository URL (or OCI registry), chart
 * name and version; or, when {@code path} is set, a folder in a git repository
 * ({@code repository} null: the generated GitOps repository itself, for vendored charts).
 */
public record ChartLocation(String repository, String chart, String version, String path) {
    public ChartLocation(String repository, String chart, String version) {
        this(repository, chart, version, null);
    }

    /** True when the chart is a folder in a git repository rather than a packaged chart. */
    public boolean inGit() {
        return path != null;
    }

    /** The repository URL, with {@code self} standing for the generated repository. */
    public String repositoryOr(String self) {
        return repository == null ? self : repository;
    }
}
