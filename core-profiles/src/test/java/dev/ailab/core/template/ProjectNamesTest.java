package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"demo", "my-app", "my_app", "App2", "v1.2", "a"})
    void acceptsPortableNames(String name) {
        assertThat(ProjectNames.validate(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a/b|it contains a path separator; use --dir to choose the parent folder",
        "a\\b|it contains a path separator; use --dir to choose the parent folder",
        "..|it contains '..'",
        "x..y|it contains '..'",
        ".hidden|it contains characters other than letters, digits, '-', '_' and '.', or does not start with a letter or digit",
        "-rf|it contains characters other than letters, digits, '-', '_' and '.', or does not start with a letter or digit",
        "my app|it contains characters other than letters, digits, '-', '_' and '.', or does not start with a letter or digit",
        "con|it is a reserved name",
        "NUL.txt|it is a reserved name",
        "node_modules|it is a reserved name",
        "trailing.|it ends with '.'"})
    void refusesOthersSayingWhy(String name, String why) {
        assertThatThrownBy(() -> ProjectNames.validate(name)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("invalid project name '" + name + "': " + why);
            assertThat(e.hint()).startsWith("use letters, digits, '-', '_' and '.', starting with a letter or digit");
            assertThat(e.exitCode()).isEqualTo(2);
        });
    }

    @org.junit.jupiter.api.Test
    void refusesEmptyAndOverlongNames() {
        assertThatThrownBy(() -> ProjectNames.validate("")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> ProjectNames.validate("a".repeat(101))).hasMessageContaining("longer than 100");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "My App|my-app|my_app",
        "--Web..Shop__2--|web-shop-2|web_shop_2",
        "v1.2|v1-2|v1_2",
        "2fast|2fast|p_2fast",
        "Crème brûlée|cr-me-br-l-e|cr_me_br_l_e",
        "...|project|project"})
    void derivedNamesKeepLettersAndDigitsWithOneSeparatorBetweenRuns(String name, String slug, String snake) {
        assertThat(Answers.slug(name, '-')).isEqualTo(slug);
        assertThat(Answers.snake(name)).isEqualTo(snake);
    }
}
