package dev.ailab.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class ProfileTest {
    @Test
    void tiersAreCumulative() {
        assertThat(Profile.BASIC.tiers()).containsExactly(Profile.BASIC);
        assertThat(Profile.STANDARD.tiers()).containsExactly(Profile.BASIC, Profile.STANDARD);
        assertThat(Profile.ADVANCED.tiers()).containsExactly(Profile.BASIC, Profile.STANDARD, Profile.ADVANCED);
        assertThat(Profile.STANDARD.includes(Profile.ADVANCED)).isFalse();
    }

    @Test
    void parsesIgnoringCaseAndRejectsOthersWithTheAllowedValues() {
        assertThat(Profile.parse(" Advanced ")).isEqualTo(Profile.ADVANCED);
        assertThatThrownBy(() -> Profile.parse("expert"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("unknown profile 'expert'");
                    assertThat(e.hint()).isEqualTo("use one of: basic, standard, advanced");
                    assertThat(e.exitCode()).isEqualTo(2);
                });
    }
}
