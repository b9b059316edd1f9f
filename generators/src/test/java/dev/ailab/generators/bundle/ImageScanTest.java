package dev.ailab.generators.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The images named by the pinned charts' own default values, read from the vendored charts. */
class ImageScanTest {
    private static Set<String> scan(String chart) throws Exception {
        Set<String> found = new TreeSet<>();
        ImageScan.fromValues(Files.readAllBytes(Path.of("src/test/resources/upstream-charts", chart, "chart/values.yaml")), found);
        return found;
    }

    @Test
    void theGpuOperatorsOperandsAreListedWithTheirVersionsButNotTheDriverWhoseTagTheOperatorCompletes() throws Exception {
        Set<String> images = scan("gpu-operator");
        assertThat(images).contains(
                "nvcr.io/nvidia/k8s/container-toolkit:v1.17.4-ubuntu20.04",
                "nvcr.io/nvidia/k8s-device-plugin:v0.17.0",
                "nvcr.io/nvidia/cloud-native/dcgm:3.3.9-1-ubuntu22.04",
                "nvcr.io/nvidia/k8s/dcgm-exporter:3.3.9-3.6.1-ubuntu22.04",
                "nvcr.io/nvidia/cloud-native/k8s-driver-manager:v0.7.0");
        assertThat(images).noneMatch(i -> i.startsWith("nvcr.io/nvidia/driver:"));
        assertThat(images).allMatch(i -> i.matches("[^\\s:]+(:[^\\s:]+)?(:[^\\s:/]+)"), "every entry is repository:tag");
    }
}
