package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.profile.Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswersTest {
    @TempDir
    Path dir;
    TemplatePack pack;
    final MustacheRenderer renderer = new MustacheRenderer();

    @BeforeEach
    void load() throws IOException {
        pack = TemplatePack.load(ProjectGeneratorTest.template(dir, """
                questions:
                  - name: package
                    default: "{{project_snake}}"
                    pattern: "[a-z_]+"
                  - name: version
                    type: choice
                    choices: ["3.11", "3.12"]
                  - name: docker
                    type: bool
                  - name: port
                    when: docker
                    default: "8080"
                  - name: owner
                tiers:
                  basic: []
                """, Map.of()), "test");
    }

    Map<String, Object> builtins() {
        return Answers.builtins("My Tool", Profile.BASIC, pack);
    }

    @Test
    void derivesNamesFromTheProjectName() {
        assertThat(builtins()).containsEntry("project_slug", "my-tool").containsEntry("project_snake", "my_tool")
                .containsEntry("project_pascal", "MyTool").containsEntry("profile_standard", false);
    }

    @Test
    void scriptsGetDefaultsAndTypedValuesButMustAnswerQuestionsWithoutDefault() {
        assertThatThrownBy(() -> Answers.resolve(pack, builtins(), Map.of(), Map.of(), null, renderer))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("no answer for 'owner'");
                    assertThat(e.hint()).contains("--data owner=VALUE");
                });
        Map<String, Object> c = Answers.resolve(pack, builtins(), Map.of("owner", "me", "docker", "yes", "version", "3.12"),
                Map.of(), null, renderer);
        assertThat(c).containsEntry("package", "my_tool").containsEntry("docker", true).containsEntry("port", "8080")
                .containsEntry("version", "3.12");
        Map<String, Object> noDocker = Answers.resolve(pack, builtins(), Map.of("owner", "me"), Map.of(), null, renderer);
        assertThat(noDocker).doesNotContainKey("port").containsEntry("version", "3.11");
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        assertThatThrownBy(() -> Answers.resolve(pack, builtins(), Map.of("owner", "me", "version", "2.7"), Map.of(), null, renderer))
                .hasMessage("--data version: '2.7' is not one of the choices for version");
        assertThatThrownBy(() -> Answers.resolve(pack, builtins(), Map.of("owner", "me", "package", "Bad-Name"), Map.of(), null, renderer))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.hint()).isEqualTo("it must match [a-z_]+"));
        assertThatThrownBy(() -> Answers.resolve(pack, builtins(), Map.of("owner", "me", "docker", "maybe"), Map.of(), null, renderer))
                .hasMessage("--data docker: 'maybe' is not yes or no");
        assertThatThrownBy(() -> Answers.resolve(pack, builtins(), Map.of("ownr", "me"), Map.of(), null, renderer))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("template '" + pack.name() + "' asks no question 'ownr'");
                    assertThat(e.hint()).contains("package, version, docker, port, owner");
                });
        assertThatThrownBy(() -> Answers.resolve(pack, builtins(), Map.of("project_slug", "x"), Map.of(), null, renderer))
                .hasMessage("'project_slug' is set by ai-lab itself and cannot be given");
    }

    @Test
    void promptRetriesUntilTheAnswerIsValidAndEnterTakesTheDefault() {
        Deque<String> lines = new ArrayDeque<>(List.of("", "9.9", "3.12", "y", "", "Ada"));
        List<String> problems = new ArrayList<>();
        Answers.Prompter prompter = (q, dflt, problem) -> {
            if (problem != null) {
                problems.add(q.name + ": " + problem);
            }
            return lines.poll();
        };
        Map<String, Object> c = Answers.resolve(pack, builtins(), Map.of(), Map.of(), prompter, renderer);
        assertThat(c).containsEntry("package", "my_tool").containsEntry("version", "3.12").containsEntry("docker", true)
                .containsEntry("port", "8080").containsEntry("owner", "Ada");
        assertThat(problems).containsExactly("version: the answer: '9.9' is not one of the choices for version; allowed: 3.11, 3.12");
    }

    @Test
    void endOfInputAtThePromptIsAnErrorNotAHang() {
        Answers.Prompter prompter = (q, dflt, problem) -> null;
        assertThatThrownBy(() -> Answers.resolve(pack, builtins(), Map.of(), Map.of(), prompter, renderer))
                .hasMessage("input ended before 'package' was answered");
    }

    @Test
    void yearIsTheCalendarYearOfTheZoneAtEveryTurnOfTheYear() {
        // Instants either side of midnight on New Year's Eve, in zones ahead of, at and behind UTC
        // (with and without summer time): the year must be the one the zone's calendar shows.
        for (String id : List.of("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin",
                "America/Sao_Paulo", "Australia/Sydney", "Asia/Kolkata")) {
            java.util.TimeZone zone = java.util.TimeZone.getTimeZone(id);
            for (int year : List.of(1999, 2024, 2026, 2027)) {
                java.time.ZonedDateTime midnight = java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone.toZoneId());
                for (long delta : List.of(-1L, 0L, 1L, -3_600_000L, 43_200_000L)) {
                    long millis = midnight.toInstant().toEpochMilli() + delta;
                    int expected = java.time.Instant.ofEpochMilli(millis).atZone(zone.toZoneId()).getYear();
                    assertThat(Answers.yearAt(millis, zone)).as("%s at %d", id, millis).isEqualTo(expected);
                }
            }
        }
        assertThat(Answers.builtins("demo", Profile.STANDARD, pack).get("year"))
                .isEqualTo(String.valueOf(java.time.Year.now().getValue()));
    }
}
