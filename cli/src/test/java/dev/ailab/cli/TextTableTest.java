package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void columnsKeepTheirWidthAndLinesHaveNoTrailingSpaces() {
        String text = print(new TextTable("ID", "TITLE", "X").row(1, "short", "").row(22, "a longer title", null), 80);
        assertThat(text).isEqualTo(String.join(System.lineSeparator(),
                "ID  TITLE           X", "1   short", "22  a longer title", ""));
    }

    @Test
    void theWidestColumnShrinksWithAnEllipsisToFitTheWidth() {
        String title = "a title that is far too long for a narrow terminal window";
        String text = print(new TextTable("ID", "TITLE").row(7, title), 30);
        String row = text.lines().skip(1).findFirst().orElseThrow();
        assertThat(row).hasSize(30).startsWith("7   a title").endsWith("…");
        assertThat(text.lines()).allMatch(line -> line.length() <= 30);
    }

    private static String print(TextTable table, int width) {
        StringWriter buffer = new StringWriter();
        table.print(new PrintWriter(buffer), width);
        return buffer.toString();
    }
}
