package dev.ailab.generators.vectorweight;

import static dev.ailab.generators.vectorweight.Maps.map;

import dev.ailab.core.yaml.YamlWriter;
import dev.ailab.generators.charts.ImageKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How Argo CD decrypts the SOPS secrets of a cluster: it cannot by itself, so its repo server
 * runs KSOPS (github.com/viaduct-ai/kustomize-sops), a kustomize exec generator. Each cluster
 * with secrets gets, in {@code clusters/<cluster>/secrets/}, a {@code kustomization.yaml} whose
 * only generator is {@code secret-generator.yaml}, a {@code viaduct.ai/v1 ksops} object listing
 * every encrypted file of the folder. {@code generate} and {@code secrets set}/{@code rotate}
 * both write these two files from the folder's listing, so they agree byte for byte.
 */
final class Ksops {
    static final String KUSTOMIZATION = "kustomization.yaml";
    static final String GENERATOR = "secret-generator.yaml";
    /** KSOPS release whose image installs the plugin (and a kustomize built for it) into the repo server. */
    static final String IMAGE = "viaductoss/ksops:v4.5.1";
    /** The Secret in Argo CD's namespace holding the age identity the repo server decrypts with (key {@link #KEY_FILE}). */
    static final String AGE_SECRET = "sops-age";
    static final String KEY_FILE = "age.agekey";
    private static final String AGE_DIR = "/.config/sops/age";
    private static final YamlWriter YAML = YamlWriter.manifests();

    private Ksops() {
    }

    /** Names in a secrets folder that are not Secrets: the two files KSOPS reads. */
    static boolean reserved(String fileName) {
        return fileName.equals(KUSTOMIZATION) || fileName.equals(GENERATOR);
    }

    /** Secret names whose file would be one of the two KSOPS files. */
    static final Set<String> RESERVED_NAMES = Set.of("kustomization", "secret-generator");

    /**
     * The two files of {@code cluster}'s secrets folder (path relative to the repository to text)
     * for the encrypted files {@code secretFiles} (names in that folder, sorted); none without secrets.
     */
    static Map<String, String> files(String cluster, List<String> secretFiles) {
        Map<String, String> out = new LinkedHashMap<>();
        if (secretFiles.isEmpty()) {
            return out;
        }
        String dir = Layout.secrets(dev.ailab.core.config.GitopsConfig.Engine.ARGOCD, cluster);
        out.put(dir + "/" + KUSTOMIZATION, YAML.write(map(
                "apiVersion", "kustomize.config.k8s.io/v1beta1",
                "kind", "Kustomization",
                "generators", List.of("./" + GENERATOR))));
        List<Object> files = new ArrayList<>();
        secretFiles.forEach(f -> files.add("./" + f));
        out.put(dir + "/" + GENERATOR, YAML.write(map(
                "apiVersion", "viaduct.ai/v1",
                "kind", "ksops",
                "metadata", map("name", cluster + "-secrets",
                        // KSOPS v4 is a KRM exec function: kustomize runs the ksops binary on the PATH
                        "annotations", map("config.kubernetes.io/function", "exec:\n  path: ksops\n")),
                "files", files)));
        return out;
    }

    /**
     * Argo CD chart values that install KSOPS in the repo server and give it the age identity
     * from Secret {@link #AGE_SECRET}; merged into {@code values} (Argo CD's own values).
     */
    @SuppressWarnings("unchecked")
    static void configureRepoServer(Map<String, Object> values, String imageRegistry) {
        Map<String, Object> configs = (Map<String, Object>) values.computeIfAbsent("configs", k -> new LinkedHashMap<>());
        Map<String, Object> cm = (Map<String, Object>) configs.computeIfAbsent("cm", k -> new LinkedHashMap<>());
        // kustomize runs generators only with both flags; KSOPS documents the same setting
        cm.put("kustomize.buildOptions", "--enable-alpha-plugins --enable-exec");
        Map<String, Object> tools = map("name", "custom-tools", "emptyDir", map());
        Map<String, Object> age = map("name", AGE_SECRET, "secret", map("secretName", AGE_SECRET, "optional", true));
        // on an airgapped site the plugin's image comes from the site registry, like every chart's
        String image = imageRegistry == null ? IMAGE : imageRegistry + "/" + ImageKeys.withoutHost(IMAGE);
        Map<String, Object> install = map("name", "install-ksops", "image", image,
                "command", List.of("/usr/local/bin/ksops", "install", "--with-kustomize", "/custom-tools"),
                "securityContext", map("allowPrivilegeEscalation", false,
                        "capabilities", map("drop", List.of("ALL")),
                        "seccompProfile", map("type", "RuntimeDefault")),
                "volumeMounts", List.of(map("name", "custom-tools", "mountPath", "/custom-tools")));
        values.put("repoServer", map(
                "env", List.of(map("name", "SOPS_AGE_KEY_FILE", "value", AGE_DIR + "/" + KEY_FILE)),
                "volumes", List.of(tools, age),
                "initContainers", List.of(install),
                "volumeMounts", List.of(
                        map("name", "custom-tools", "mountPath", "/usr/local/bin/kustomize", "subPath", "kustomize"),
                        map("name", "custom-tools", "mountPath", "/usr/local/bin/ksops", "subPath", "ksops"),
                        map("name", AGE_SECRET, "mountPath", AGE_DIR, "readOnly", true))));
    }
}
