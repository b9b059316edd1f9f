package dev.ailab.cli.dashboard;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Item bodies as HTML that is safe to insert: raw HTML in the Markdown is escaped, not passed
 * through, and link and image addresses other than http, https, mailto and data images are
 * dropped (commonmark's {@code sanitizeUrls}), so a body cannot carry a script or an event handler.
 */
final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }
}
