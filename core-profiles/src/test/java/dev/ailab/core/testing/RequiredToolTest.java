package dev.ailab.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {
    @Test
    void ciRequireIsASetOfTrimmedLowerCaseNames() {
        assertThat(RequiredTool.parse(null)).isEmpty();
        assertThat(RequiredTool.parse("")).isEmpty();
        assertThat(RequiredTool.parse(" age, Postgres ,,sshd")).containsExactlyInAnyOrder("age", "postgres", "sshd");
    }

    @Test
    void aMissingToolSkipsUnlessRequiredThenFails() {
        RequiredTool.decide(Set.of(), "age", true, "unused");
        RequiredTool.decide(Set.of("age"), "age", true, "unused");
        assertThatThrownBy(() -> RequiredTool.decide(Set.of("git"), "age", false, "age is not on PATH"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("age is not on PATH");
        assertThatThrownBy(() -> RequiredTool.decide(Set.of("git", "age"), "age", false, "age is not on PATH"))
                .isInstanceOf(AssertionFailedError.class).hasMessage("CI_REQUIRE names age, but age is not on PATH");
    }

    @Test
    void unknownNamesAreRefusedOnBothSides() {
        assertThatThrownBy(() -> RequiredTool.decide(Set.of(), "firefox", false, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RequiredTool.KNOWN");
        assertThatThrownBy(() -> RequiredTool.decide(Set.of("postgress"), "age", true, "x"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("[postgress]");
    }

    @Test
    void programsAreFoundOnPath() {
        assertThat(RequiredTool.find("sh")).hasValueSatisfying(p -> assertThat(p).isAbsolute().isExecutable());
        assertThat(RequiredTool.find("no-such-program-here")).isEmpty();
    }

    @Test
    void ciRunRequiresExactlyTheKnownTools() throws Exception {
        java.nio.file.Path run = java.nio.file.Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolveSibling(".ci").resolve("run");
        String text = java.nio.file.Files.readString(run);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("CI_REQUIRE:-([a-z0-9,-]+)\\}").matcher(text);
        assertThat(m.find()).as("the default CI_REQUIRE in .ci/run").isTrue();
        assertThat(RequiredTool.parse(m.group(1))).as("CI_REQUIRE in .ci/run").isEqualTo(RequiredTool.KNOWN);
    }
}
