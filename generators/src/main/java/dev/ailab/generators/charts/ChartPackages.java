package dev.ailab.generators.charts;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.IoMessages;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.ArchivePaths;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Packaged Helm charts ({@code CHART-VERSION.tgz}): unpacked into memory for vendoring, and
 * found inside a bundle (a plain tar whose charts sit under {@link #BUNDLE_CHARTS}).
 */
public final class ChartPackages {
    /** Where a bundle keeps the packaged charts. */
    public static final String BUNDLE_CHARTS = "charts/";
    /** A chart file larger than this is not a chart: vendoring keeps files in memory. */
    private static final long MAX_FILE = 16L << 20;

    private ChartPackages() {
    }

    /** Unpacks {@code tgz} into {@code files} under {@code prefix}, dropping the package's top folder. */
    public static void unpackInto(Path tgz, String prefix, SortedMap<String, byte[]> files) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tgz))) {
            unpackInto(in, tgz.toString(), prefix, files);
        } catch (IOException e) {
            throw new OperationFailedException("cannot read the chart " + tgz + ": " + IoMessages.describe(e), IoMessages.hint(e));
        }
    }

    public static void unpackInto(byte[] tgz, String name, String prefix, SortedMap<String, byte[]> files) {
        try {
            unpackInto(new ByteArrayInputStream(tgz), name, prefix, files);
        } catch (IOException e) {
            throw new OperationFailedException("cannot read the chart " + name + ": " + IoMessages.describe(e), IoMessages.hint(e));
        }
    }

    private static void unpackInto(InputStream in, String name, String prefix, SortedMap<String, byte[]> files)
            throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new java.util.zip.GZIPInputStream(in, 1 << 16))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isFile()) {
                    continue; // charts hold plain files; links and devices are never vendored
                }
                String why = ArchivePaths.unsafeName(e.getName());
                if (why != null || e.getSize() > MAX_FILE) {
                    throw new InvalidInputException("the chart " + name + " has an entry '" + e.getName() + "' that is refused: "
                            + (why != null ? why : "larger than " + MAX_FILE + " bytes"), "get the chart again from its repository");
                }
                int slash = e.getName().indexOf('/');
                String inside = slash < 0 ? e.getName() : e.getName().substring(slash + 1);
                if (!inside.isEmpty()) {
                    files.put(prefix + "/" + inside, tar.readAllBytes());
                }
            }
        }
    }

    /**
     * Calls {@code each} with every chart of the table that {@code bundle} carries, reading the
     * bundle once from start to end.
     */
    public static void chartsInBundle(Path bundle, BiConsumer<UpstreamChart, byte[]> each) {
        Map<String, UpstreamChart> byFile = new java.util.HashMap<>();
        for (UpstreamChart u : UpstreamChart.values()) {
            byFile.put(BUNDLE_CHARTS + ChartResolver.packageName(u), u);
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(bundle)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                UpstreamChart chart = byFile.get(e.getName());
                if (chart != null && e.isFile()) {
                    each.accept(chart, tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new OperationFailedException("cannot read the bundle " + bundle + ": " + IoMessages.describe(e), IoMessages.hint(e));
        }
    }
}
