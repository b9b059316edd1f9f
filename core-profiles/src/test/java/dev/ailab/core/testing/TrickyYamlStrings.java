package dev.ailab.core.testing;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Text that some YAML reader would take as another type, as syntax, or change. The one YAML
 * writer must bring each back as the same string: YamlWriterTest checks Jackson and SnakeYAML,
 * the generators' HelmValuesQuotingTest checks Helm (Go's yaml).
 */
public final class TrickyYamlStrings {
    public static final List<String> ALL = List.copyOf(new LinkedHashSet<>(List.of(

                // YAML 1.1 and Go booleans and nulls, in any case
                "yes", "no", "on", "off", "Yes", "NO", "oN", "OFF", "y", "Y", "n", "N", "true", "False", "TRUE",
                "null", "Null", "NULL", "~", "", " ",
                // integers: decimal, octal, hex, binary, signs, underscores, sexagesimal
                "0", "12", "-5", "+12", "007", "017", "0_17", "1_000", "0b101", "0B101", "-0b101", "0b1_0", "0o17",
                "0O17", "0x1F", "0X1F", "-0x1f", "0x_1f", "1:20", "-1:20", "8080:80", "190:20:30.15",
                // floats, infinities, not-a-numbers
                "1.5", "3.10", "0.1.0", "7.8.2", ".5", "-.5", "+.5", "1e3", "1E3", "1e+3", "1.5e-3", "6.8523015e+5",
                ".inf", ".Inf", "-.inf", "+.INF", ".nan", ".NaN", "-.NaN", "_", "__", ".", "..", "...",
                // dates and timestamps
                "2001-12-14", "2002-1-2", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
                // indicators and the YAML 1.1 value and merge keys
                "=", "=x", "<<", "*", "*alias", "&", "&anchor", "!", "!tag", "!!str", "%", "%YAML", "@", "@home",
                "`tick`", "-", "-x", "- x", "--- x", "... x", "?", "? x", ":", ":x", "::1", "key:", ",x", "[x]", "{y}",
                "]", "}", "|", "|x", ">", ">x", "#hash", "'q'", "\"d\"",
                // inside the text
                "a: b", "a #b", "a#b", "trail ", " lead", "tab\there", "multi\nline", "cr\rx", "nul\u0000x",
                "del\u007fx", "nel\u0085x", "ls\u2028x", "ps\u2029x", "bom\ufeffx", "back\\slash", "say \"hi\"",
                "it's", "a, b", "a,b", "a:b", "http://x/y?z=1&w=2", "jdbc:sqlite:/x/y.db", "~/x", "$HOME", "a  b",
                "(paren)", "x (y)", "ünïcødé", "emoji \uD83D\uDE00",
                // multi-line text: literal blocks in the manifest layout where possible
                "line one\n  indented\n\nlast\n", "a\nb", "a\n\n", "a\n\n\n", "\n\nx", "x\n", "\n", "\n\n",
                "\n x", " lead\nx", "a \nb", "#x\n---\n...\n- y\nkey: v", "a\r\nb", "x\u0085\ny", "last \nline ")));

    private TrickyYamlStrings() {
    }
}
