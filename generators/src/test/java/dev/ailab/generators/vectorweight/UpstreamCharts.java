package dev.ailab.generators.vectorweight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ailab.generators.charts.UpstreamChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The pinned upstream charts kept as test data ({@code src/test/resources/upstream-charts/},
 * refreshed by {@code scripts/refresh-upstream-charts.sh}), and the generated values of every
 * example config, the two things the upstream tests compare.
 */
final class UpstreamCharts {
    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("src/test/resources/upstream-charts");
    static final Path EXAMPLES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolveSibling("examples").resolve("vectorweight");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new JsonMapper();

    private UpstreamCharts() {
    }

    /** The vendored chart folder of {@code chart}; only values files for the GPU operator and Argo CD. */
    static Path chart(UpstreamChart chart) {
        return ROOT.resolve(chart.component).resolve("chart");
    }

    /** Whether the whole chart (templates too) is vendored, so it can be rendered. */
    static boolean renderable(UpstreamChart chart) {
        return Files.isDirectory(chart(chart).resolve("templates"));
    }

    static JsonNode defaults(UpstreamChart chart) {
        return read(YAML, chart(chart).resolve("values.yaml"));
    }

    /** The chart's values.schema.json, or null when it ships none. */
    static JsonNode schema(UpstreamChart chart) {
        Path f = chart(chart).resolve("values.schema.json");
        return Files.exists(f) ? read(JSON, f) : null;
    }

    /** Every template of the chart as one text, to find the {@code .Values.x.y} paths it reads. */
    static String templates(UpstreamChart chart) {
        Path dir = chart(chart).resolve("templates");
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                all.append(Files.readString(f)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    static JsonNode yaml(byte[] bytes) {
        try {
            return YAML.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generated output of every example config, by example name. */
    static Map<String, GeneratedRepository> examples(Path home) {
        Map<String, GeneratedRepository> out = new LinkedHashMap<>();
        for (String name : StarterTemplates.NAMES) {
            out.put(name, new VectorweightGenerator().generate(
                    new Vectorweight(Fixtures.loader(home)).validate(EXAMPLES.resolve(name + ".yaml"))));
        }
        return out;
    }

    /**
     * The generated values files of upstream charts in {@code repo}: path to chart. Only
     * {@code values/argocd.yaml} and {@code clusters/<cluster>/values/<component>.yaml}.
     */
    static Map<String, UpstreamChart> valuesFiles(GeneratedRepository repo) {
        Map<String, UpstreamChart> out = new TreeMap<>();
        for (String path : repo.files().keySet()) {
            for (UpstreamChart chart : UpstreamChart.values()) {
                if (path.equals(Layout.ARGOCD_VALUES) && chart == UpstreamChart.ARGO_CD
                        || path.matches("clusters/[^/]+/values/" + chart.component + "\\.yaml")) {
                    out.put(path, chart);
                }
            }
        }
        return out;
    }

    /** A copy of the vendored chart under {@code home} that helm-java renders offline. */
    static Path renderCopy(Path home, UpstreamChart chart) throws IOException {
        Path copy = home.resolve("charts").resolve(chart.component);
        if (!Files.exists(copy)) {
            Path from = UpstreamCharts.chart(chart);
            try (java.util.stream.Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path to = copy.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
            emptyLookups(copy.resolve("templates"));
        }
        return copy;
    }

    /**
     * helm-java's template answers Helm's {@code lookup} by calling a cluster, where
     * {@code helm template} answers "nothing there" (an empty map). The rendered copy gets
     * sprig's {@code omit (dict) ...} in its place: the same four arguments, an empty map.
     */
    static void emptyLookups(Path templates) throws IOException {
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(templates)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            if (text.contains("lookup \"")) {
                Files.writeString(f, text.replace("lookup \"", "omit (dict) \""));
            }
        }
    }

    /** The vendored chart packaged as {@code helm package} lays it out: CHART/..., gzipped tar. */
    static byte[] packaged(UpstreamChart chart) throws IOException {
        Path from = chart(chart);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(bytes);
             var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(gz);
             Stream<Path> files = Files.walk(from)) {
            tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                byte[] b = Files.readAllBytes(f);
                var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(chart.chart + "/" + from.relativize(f));
                e.setSize(b.length);
                tar.putArchiveEntry(e);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static JsonNode read(ObjectMapper mapper, Path f) {
        try {
            return mapper.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
