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
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitSources;
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
    /** The branch of the git mirror, which Argo CD follows as HEAD. */
    public static final String MIRROR_BRANCH = "main";

    private final BundleProgress progress;
    private final String skopeo;
    private final GitSources git;

    public BundleImporter(BundleProgress progress, String skopeo) {
        this(progress, skopeo, GitSources.using(new dev.ailab.sources.git.JGitClient(java.time.Duration.ofMinutes(10))));
    }

    public BundleImporter(BundleProgress progress, String skopeo, GitSources git) {
        this.progress = progress == null ? BundleProgress.NONE : progress;
        this.skopeo = skopeo;
        this.git = git;
    }

    /** {@code mirrorCommit}: the commit of {@code git-mirror/}; {@code mirrorPushedTo}: where it was pushed, or null. */
    public record Imported(Path dir, BundleVerifier.Report verified, String bundleSha256, String registry,
                           List<String> pushed, String mirrorCommit, String mirrorPushedTo,
                           Map<String, List<String>> configLines) {
    }

    public Imported importTo(Path bundle, Path dir, String registryOption) {
        return importTo(bundle, dir, registryOption, null, null);
    }

    /** With {@code mirrorUrl} set, the git mirror's branch is pushed there (with {@code auth}). */
    public Imported importTo(Path bundle, Path dir, String registryOption, String mirrorUrl, GitAuth auth) {
        progress.line("verifying " + bundle);
        BundleVerifier.Report report = new BundleVerifier().verify(bundle, progress);
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
                    progress.line("note: " + c.name() + " is not in this version's chart table");
                }
            }
            Path mirrorDir = dir.resolve("git-mirror");
            String commit = layOutMirror(mirrorDir, mirror, report.manifest());
            String pushedTo = null;
            if (mirrorUrl != null) {
                progress.line("pushing the git mirror to " + mirrorUrl);
                git.pushBranch(mirrorDir, mirrorUrl, MIRROR_BRANCH, auth);
                pushedTo = mirrorUrl;
            }
            String registry = registryOption != null ? registryOption : registryOf(content.resolve(BundleCreator.CONFIG));
            List<String> pushed = new ArrayList<>();
            boolean haveImages = report.manifest().images().stream().anyMatch(i -> i.digest() != null);
            if (haveImages && registry != null) {
                Skopeo s = new Skopeo(skopeo);
                List<BundleManifest.Image> images = report.manifest().images();
                for (BundleManifest.Image image : images) {
                    progress.line("pushing " + image.reference() + " to " + registry);
                    progress.count("pushing images", pushed.size(), images.size());
                    pushed.add(s.push(content.resolve("images"), image.reference(), registry));
                    progress.count("pushing images", pushed.size(), images.size());
                }
            }
            String sha = Sha256.ofFile(bundle);
            return new Imported(dir, report, sha, registry, pushed, commit, pushedTo,
                    lines(bundle, dir, sha, registry, pushedTo));
        } catch (IOException e) {
            throw new OperationFailedException("cannot import into " + dir + ": " + IoMessages.describe(e), IoMessages.hint(e));
        } finally {
            FileTrees.deleteQuietly(content);
        }
    }

    /**
     * {@code git-mirror/} as a git repository whose {@code main} holds exactly the charts of this
     * bundle: the files are replaced (its {@code .git} is kept, so a newer bundle is a new commit
     * on top and a push to the mirror is a fast-forward), then committed with a fixed author and
     * the bundle's time stamp, so the same bundle on the same history gives the same commit id.
     */
    private String layOutMirror(Path mirrorDir, SortedMap<String, byte[]> files, BundleManifest manifest) throws IOException {
        Files.createDirectories(mirrorDir);
        try (java.util.stream.Stream<Path> top = Files.list(mirrorDir)) {
            for (Path p : top.filter(p -> !p.getFileName().toString().equals(".git")).toList()) {
                FileTrees.deleteQuietly(p);
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = mirrorDir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        StringBuilder message = new StringBuilder("Charts of the bundle for " + manifest.project() + "\n\n");
        manifest.charts().forEach(c -> message.append(c.name()).append(' ').append(c.version()).append(" sha256:")
                .append(c.sha256()).append('\n'));
        progress.line("committing the git mirror " + mirrorDir);
        return git.commitFolder(mirrorDir, MIRROR_BRANCH, message.toString(), "vectorweight bundle import",
                "vectorweight@localhost", BundleTar.MTIME_MS / 1000);
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
    private static Map<String, List<String>> lines(Path bundle, Path dir, String sha, String registry, String mirrorUrl) {
        String reg = registry == null ? "REGISTRY:5000" : registry;
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        m.put("airgapped_archive", List.of("sources:", "  mode: airgapped_archive", "  archive: " + bundle.toAbsolutePath(),
                "  archive_sha256: " + sha, "  image_registry: " + reg));
        m.put("local", List.of("sources:", "  mode: local", "  local_path: " + dir.toAbsolutePath().resolve("charts"),
                "  image_registry: " + reg));
        m.put("airgapped_git", List.of("sources:", "  mode: airgapped_git",
                "  git_mirror: " + (mirrorUrl != null ? mirrorUrl : dir.toAbsolutePath().resolve("git-mirror").toUri().toString()
                        .replaceAll("/$", "")),
                "  image_registry: " + reg));
        return m;
    }
}
