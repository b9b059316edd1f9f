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

    /** The user's override file, listed after the values; vectorweight never writes it. */
    static String overrides(String cluster, String component) {
        return "clusters/" + cluster + "/overrides/" + component + ".yaml";
    }
}
