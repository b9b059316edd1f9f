package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.template.ServiceBlocks.Span;
import dev.ailab.core.template.ServiceBlocks.Style;
import org.junit.jupiter.api.Test;

class ServiceBlocksTest {
    private static final String COMPOSE = "services:\r\n  # mine\r\n  cache:\r\n    image: redis\r\n"
            + "  # --- ai-lab service blocks above this line ---\r\n# trailing comment";

    @Test
    void insertThenCutGivesBackTheSameBytesAndKeepsOtherLinesAndLineEndings() {
        Span anchor = ServiceBlocks.anchor(COMPOSE);
        assertThat(ServiceBlocks.indent(COMPOSE, anchor)).isEqualTo("  ");
        String block = ServiceBlocks.wrap("auth", "  ", "auth:", "  image: x");
        String added = ServiceBlocks.insert(COMPOSE, anchor, block);
        assertThat(added).startsWith("services:\r\n  # mine\r\n  cache:\r\n    image: redis\r\n  # >>> ai-lab service auth\n  auth:\n")
                .endsWith("  # <<< ai-lab service auth\n  # --- ai-lab service blocks above this line ---\r\n# trailing comment");
        Span found = ServiceBlocks.find(added, "auth", Style.HASH_COMMENTS);
        assertThat(ServiceBlocks.text(added, found)).isEqualTo(block);
        assertThat(ServiceBlocks.cut(added, found)).isEqualTo(COMPOSE);
    }

    @Test
    void aNameNeverMatchesAnotherThatStartsWithIt() {
        String text = ServiceBlocks.wrap("auth-x", "", "a") + "| auth-x | python | <!-- ai-lab service auth-x --> |\n";
        assertThat(ServiceBlocks.find(text, "auth", Style.HASH_COMMENTS)).isNull();
        assertThat(ServiceBlocks.find(text, "auth", Style.MARKDOWN_ROW)).isNull();
        assertThat(ServiceBlocks.find(text, "auth-x", Style.MARKDOWN_ROW)).isNotNull();
    }

    @Test
    void anUnclosedBlockOrAMissingAnchorIsNotFound() {
        assertThat(ServiceBlocks.find("# >>> ai-lab service auth\nauth:\n", "auth", Style.HASH_COMMENTS)).isNull();
        assertThat(ServiceBlocks.anchor("services:\n  auth: {}\n")).isNull();
    }
}
