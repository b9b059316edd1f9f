package dev.ailab.core.template.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Merge3Test {
    private static Merge3.Result merge(String base, String ours, String theirs) {
        return Merge3.merge(base.getBytes(StandardCharsets.UTF_8), ours.getBytes(StandardCharsets.UTF_8),
                theirs.getBytes(StandardCharsets.UTF_8), "yours", "python 1.1.0");
    }

    private static String text(Merge3.Result r) {
        return new String(r.content(), StandardCharsets.UTF_8);
    }

    @Test
    void theSameChangeOnBothSidesIsTakenOnceAndCrlfSurvives() {
        Merge3.Result r = merge("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", "a\r\nB\r\nc\r\n");
        assertThat(r.conflicts()).isZero();
        assertThat(text(r)).isEqualTo("a\r\nB\r\nc\r\n");
    }

    @Test
    void aLastLineWithoutLineFeedStillGetsItsMarkerOnALineOfItsOwn() {
        Merge3.Result r = merge("a\nb", "a\nmine", "a\ntheirs");
        assertThat(r.conflicts()).isEqualTo(1);
        assertThat(text(r)).isEqualTo("a\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> python 1.1.0\n");
        assertThat(Merge3.hasMarkers(r.content())).isTrue();
    }

    @Test
    void changesFarApartMergeAndNonAsciiBytesAreKept() {
        Merge3.Result r = merge("1\n2\n3\n4\n5\n", "1 é\n2\n3\n4\n5\n", "1\n2\n3\n4\n5 ü\n");
        assertThat(r.conflicts()).isZero();
        assertThat(text(r)).isEqualTo("1 é\n2\n3\n4\n5 ü\n");
    }
}
