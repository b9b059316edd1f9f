package dev.ailab.sources.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Unified diffs of two versions of a file (JGit's histogram diff). */
public final class Diffs {
    private Diffs() {
    }

    /** A unified diff with 3 lines of context; empty when both are equal. Null content means "absent". */
    public static String unified(String aName, byte[] a, String bName, byte[] b) {
        byte[] left = a == null ? new byte[0] : a;
        byte[] right = b == null ? new byte[0] : b;
        if (java.util.Arrays.equals(left, right) && (a == null) == (b == null)) {
            return "";
        }
        if (RawText.isBinary(left) || RawText.isBinary(right)) {
            return "Binary files " + aName + " and " + bName + " differ\n";
        }
        RawText ta = new RawText(left);
        RawText tb = new RawText(right);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, ta, tb);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DiffFormatter f = new DiffFormatter(bytes)) {
            bytes.write(("--- " + (a == null ? "/dev/null" : aName) + "\n+++ " + (b == null ? "/dev/null" : bName) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            f.format(edits, ta, tb);
            f.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
