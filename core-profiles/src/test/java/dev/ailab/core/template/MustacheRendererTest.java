package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MustacheRendererTest {
    private final MustacheRenderer renderer = new MustacheRenderer();

    @Test
    void neverHtmlEscapes() {
        String out = renderer.render("url={{url}} cmd={{cmd}}", "t", Map.of("url", "https://x/?a=1&b=<2>", "cmd", "a && b \"q\" 'r'"),
                MustacheRenderer.STANDARD);
        assertThat(out).isEqualTo("url=https://x/?a=1&b=<2> cmd=a && b \"q\" 'r'");
    }

    @Test
    void otherDelimitersLeaveForeignBracesAlone() {
        String template = "python: <% version %>\nrun: ${{ matrix.python }} {{ .Values.x }}";
        String out = renderer.render(template, "ci.yml", Map.of("version", "3.12"), MustacheRenderer.Delimiters.parse("<% %>"));
        assertThat(out).isEqualTo("python: 3.12\nrun: ${{ matrix.python }} {{ .Values.x }}");
    }

    @Test
    void sectionsLoopOverListsAndConditionsOnBooleans() {
        String out = renderer.render("{{#items}}[{{.}}]{{/items}}{{^items}}none{{/items}}{{#on}}!{{/on}}", "t",
                Map.of("items", List.of("a", "b"), "on", true), MustacheRenderer.STANDARD);
        assertThat(out).isEqualTo("[a][b]!");
    }

    @Test
    void fastPathGivesWhatMustacheGives() {
        Map<String, Object> ctx = Map.of("name", "a&b <c>", "on", true, "n", 3, "items", List.of("x", "y"));
        for (String t : List.of("plain {{name}} and {{ name }} and {{{name}}} and {{& name}} end",
                "{{missing}}|{{on}}|{{n}}|", "{{#items}}{{.}}{{/items}}", "{{! comment }}{{name}}", "{{items}}",
                "a {{name}} b {{#on}}yes{{/on}}", "{{a.b}}", "}} {{name}}")) {
            String mustache = renderer.renderWithMustache(t, "t", ctx, MustacheRenderer.STANDARD);
            assertThat(renderer.render(t, "t", ctx, MustacheRenderer.STANDARD)).as(t).isEqualTo(mustache);
        }
        MustacheRenderer.Delimiters erb = MustacheRenderer.Delimiters.parse("<% %>");
        String t = "x: <% name %> ${{ y }} <%n%>";
        assertThat(renderer.render(t, "t", ctx, erb)).isEqualTo(renderer.renderWithMustache(t, "t", ctx, erb))
                .isEqualTo("x: a&b <c> ${{ y }} 3");
        for (String broken : List.of("{{name}}{{", "{{name}")) {
            assertThatThrownBy(() -> renderer.render(broken, "t", ctx, MustacheRenderer.STANDARD))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(MustacheRenderer.renderSimple("{{#items}}{{.}}{{/items}}", MustacheRenderer.STANDARD, ctx)).isNull();
        assertThat(MustacheRenderer.renderSimple("{{name}}!", MustacheRenderer.STANDARD, ctx)).isEqualTo("a&b <c>!");
    }

    @Test
    void brokenSyntaxIsAnInputErrorNamingTheFile() {
        assertThatThrownBy(() -> renderer.render("{{#open}} never closed", "src/x.txt", Map.of(), MustacheRenderer.STANDARD))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("template src/x.txt: ");
    }

    @Test
    void delimitersMustBeTwoMarkers() {
        assertThatThrownBy(() -> MustacheRenderer.Delimiters.parse("<%"))
                .isInstanceOf(InvalidInputException.class).hasMessage("invalid delimiters '<%'");
    }
}
