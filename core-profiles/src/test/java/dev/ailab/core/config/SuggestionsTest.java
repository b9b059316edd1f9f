package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names that hints propose: valid DNS labels that fit, made from what the user wrote. */
class SuggestionsTest {
    @ParameterizedTest
    @CsvSource({
        "lab, 40, lab",
        "My_Lab, 40, my-lab",
        "--GPU  lab--, 40, gpu-lab",
        "my-very-long-production-cluster-name-for-the-gpu-lab, 40, long-production-cluster-name-gpu-lab",
        "My_Very_Long_Production_Cluster_Name_For_The_GPU_Lab_In_Berlin, 40, long-prod-cluster-name-gpu-lab-berlin",
        "staging-inference-cluster-for-the-research-team-in-frankfurt, 30, stage-infer-cl-research-team",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz, 40, abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
        "'***', 40, my-name",
    })
    void aDnsLabelIsProposedThatFits(String value, int max, String expected) {
        String label = Suggestions.dnsLabel(value, max);
        assertThat(label).isEqualTo(expected).hasSizeLessThanOrEqualTo(max).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }
}
