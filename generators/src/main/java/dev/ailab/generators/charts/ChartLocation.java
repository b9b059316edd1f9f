package dev.ailab.generators.charts;

/** Where Argo CD and deploy.sh fetch a chart from: a Helm repository URL (or OCI registry), chart name and version. */
public record ChartLocation(String repository, String chart, String version) {
}
