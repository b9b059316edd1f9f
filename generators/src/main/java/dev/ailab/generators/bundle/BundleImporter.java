package dev.ailab.generators.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ailab.core.error.IoMessages;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.FileTrees;
import dev.ailab.core.io.Sha256;
import dev.ailab.generators.charts.ChartPackages;
import dev.ailab.generators.charts.UpstreamChart;
import dev.ailab.sources.archive.ArchiveLimits;
import dev.ailab.sources.archive.SafeExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code vectorweight bundle import}, on the airgapped side: verifies the bundle, then lays out
 * what each mode needs under one folder: {@code charts/} (a local chart folder, mode local),
 * {@code git-mirror/} (the git mirror's layout, mode airgapped_git), {@code repository/} (the
 * generated GitOps repository), and with a registry pushes the images to it. It returns the
 * config lines for each mode.
 */
public final class BundleImporter {
    private final BundleProgress progress;
    private final String skopeo;

    public BundleImporter(BundleProgress progress, String skopeo) {
        this.progress = progress == null ? BundleProgress.NONE : progress;
        this.skopeo = skopeo;
    }

    public record Imported(Path dir, BundleVerifier.Report verified, String bundleSha256, String registry,
                           List<String> pushed, Map<String, List<String>> configLines) {
    }

    public Imported importTo(Path bundle, Path dir, String registryOption) {
        progress.step("verifying " + bundle);
        BundleVerifier.Report report = new BundleVerifier().verify(bundle);
        if (!report.ok()) {
            BundleVerifier.Problem first = report.problems().get(0);
            throw new OperationFailedException("the bundle " + bundle + " failed verification (" + report.problems().size()
                    + " problem(s), first: " + first.path() + ": " + first.problem() + "); nothing was imported",
                    "run 'vectorweight bundle verify' for the whole list, then copy the bundle again");
        }
        Path content = dir.resolve(".bundle-content");
        try {
            Files.createDirectories(dir);
            new SafeExtractor(ArchiveLimits.defaults()).extract(bundle, content, "tar");
            replace(content.resolve("charts"), dir.resolve("charts"));
            replace(content.resolve("repository"), dir.resolve("repository"));
            SortedMap<String, byte[]> mirror = new TreeMap<>();
            Map<String, UpstreamChart> byName = dev.ailab.generators.charts.ChartResolver.byChartName();
            for (BundleManifest.Chart c : report.manifest().charts()) {
                UpstreamChart u = byName.get(c.name());
                String folder = dev.ailab.core.config.SourcesConfig.DEFAULT_GIT_PATH_SCHEME
                        .replace("{chart}", c.name()).replace("{version}", c.version());
                ChartPackages.unpackInto(dir.resolve(c.file()), folder, mirror);
                if (u == null) {
                    progress.step("note: " + c.name() + " is not in this version's chart table");
                }
            }
            Path mirrorDir = dir.resolve("git-mirror");
            FileTrees.deleteQuietly(mirrorDir);
            for (Map.Entry<String, byte[]> f : mirror.entrySet()) {
                Path p = mirrorDir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            String registry = registryOption != null ? registryOption : registryOf(content.resolve(BundleCreator.CONFIG));
            List<String> pushed = new ArrayList<>();
            boolean haveImages = report.manifest().images().stream().anyMatch(i -> i.digest() != null);
            if (haveImages && registry != null) {
                Skopeo s = new Skopeo(skopeo);
                for (BundleManifest.Image image : report.manifest().images()) {
                    progress.step("pushing " + image.reference() + " to " + registry);
                    pushed.add(s.push(content.resolve("images"), image.reference(), registry));
                }
            }
            String sha = Sha256.ofFile(bundle);
            return new Imported(dir, report, sha, registry, pushed, lines(bundle, dir, sha, registry));
        } catch (IOException e) {
            throw new OperationFailedException("cannot import into " + dir + ": " + IoMessages.describe(e), IoMessages.hint(e));
        } finally {
            FileTrees.deleteQuietly(content);
        }
    }

    private static void replace(Path from, Path to) throws IOException {
        FileTrees.deleteQuietly(to);
        if (Files.exists(from)) {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String registryOf(Path config) {
        try {
            JsonNode root = new YAMLMapper().readTree(config.toFile());
            String r = root == null ? null : root.path("sources").path("image_registry").asText(null);
            return r == null || r.isBlank() ? null : r;
        } catch (IOException e) {
            return null;
        }
    }

    /** The {@code sources:} lines for each mode, ready to paste. */
    private static Map<String, List<String>> lines(Path bundle, Path dir, String sha, String registry) {
        String reg = registry == null ? "REGISTRY:5000" : registry;
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        m.put("airgapped_archive", List.of("sources:", "  mode: airgapped_archive", "  archive: " + bundle.toAbsolutePath(),
                "  archive_sha256: " + sha, "  image_registry: " + reg));
        m.put("local", List.of("sources:", "  mode: local", "  local_path: " + dir.toAbsolutePath().resolve("charts"),
                "  image_registry: " + reg));
        m.put("airgapped_git", List.of("sources:", "  mode: airgapped_git",
                "  git_mirror: https://GIT-HOST/mirrors/charts.git   # push " + dir.toAbsolutePath().resolve("git-mirror") + " there",
                "  image_registry: " + reg));
        return m;
    }
}
