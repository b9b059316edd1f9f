package dev.ailab.generators.vectorweight;

/** Where the files of one component go in the generated repository; the Applications point at the same paths. */
final class Layout {
    static final String PROJECT = "argocd/project.yaml";
    static final String ROOT = "argocd/root.yaml";
    /** The folder the root Application syncs. */
    static final String APPS = "argocd/apps";
    static final String ARGOCD_APPLICATION = APPS + "/argocd.yaml";
    static final String ARGOCD_VALUES = "values/argocd.yaml";

    private Layout() {
    }

    /** The Application of {@code component} in {@code cluster}. */
    static String application(String cluster, String component) {
        return APPS + "/" + cluster + "/" + component + ".yaml";
    }

    /** The generated Helm values of {@code component} in {@code cluster}. */
    static String values(String cluster, String component) {
        return "clusters/" + cluster + "/values/" + component + ".yaml";
    }

    /** The Flux objects of one cluster; its root Kustomization syncs this folder. */
    static String fluxCluster(String cluster) {
        return "flux/" + cluster;
    }

    /** The GitRepository and root Kustomization that {@code deploy.sh} applies once; Flux keeps them after. */
    static String fluxSync(String cluster, String file) {
        return fluxCluster(cluster) + "/flux-system/" + file + ".yaml";
    }

    /** The HelmRelease of {@code component} in {@code cluster}. */
    static String fluxRelease(String cluster, String component) {
        return fluxCluster(cluster) + "/releases/" + component + ".yaml";
    }

    /** The HelmRepository (or OCI HelmRepository) a component's chart comes from. */
    static String fluxSource(String cluster, String component) {
        return fluxCluster(cluster) + "/sources/" + component + ".yaml";
    }

    /**
     * The folder of a cluster's SOPS secrets: the one its engine syncs (Flux's root
     * Kustomization decrypts {@code flux/<cluster>/}; for Argo CD, KSOPS reads {@code clusters/<cluster>/secrets/}).
     */
    static String secrets(dev.ailab.core.config.GitopsConfig.Engine engine, String cluster) {
        return engine == dev.ailab.core.config.GitopsConfig.Engine.FLUX
                ? fluxCluster(cluster) + "/secrets" : "clusters/" + cluster + "/secrets";
    }

    /** The user's override file, listed after the values; vectorweight never writes it. */
    static String overrides(String cluster, String component) {
        return "clusters/" + cluster + "/overrides/" + component + ".yaml";
    }
}
