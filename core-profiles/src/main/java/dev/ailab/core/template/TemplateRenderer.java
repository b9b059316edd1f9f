package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.io.Sha256;
import dev.ailab.core.profile.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a template, a profile and a context into file contents, in memory. Follows the
 * manifest: each tier up to the profile, each rule's condition and loop, verbatim files and
 * other delimiters; a project-local override ({@code .ai-lab/templates/PATH}) replaces the
 * template's text for that target path. Large templates render in parallel.
 */
public final class TemplateRenderer {
    private static final int PARALLEL_THRESHOLD = 64;
    private static final ThreadLocal<MustacheRenderer> RENDERERS = ThreadLocal.withInitial(MustacheRenderer::new);

    /**
     * One rendered file.
     *
     * @param foreignBraces true when the file was copied verbatim or rendered with other delimiters,
     *                      so {@code {{ }}} in it belongs to another tool
     */
    public record RenderedFile(String path, byte[] content, boolean executable, boolean foreignBraces, String sha256) {
        RenderedFile(String path, byte[] content, boolean executable, boolean foreignBraces) {
            this(path, content, executable, foreignBraces, Sha256.of(content));
        }
    }

    private record Job(String source, TemplateManifest.FileRule rule, Object item) {
    }

    public List<RenderedFile> render(TemplatePack pack, Profile profile, Map<String, Object> context, Path overrides) {
        Path files = pack.files();
        List<String> all = null;
        List<Pattern> verbatim = pack.manifest().verbatim.stream().map(TemplateRenderer::globToRegex).toList();
        List<Job> jobs = new ArrayList<>();
        for (Profile tier : profile.tiers()) {
            List<TemplateManifest.FileRule> rules = pack.manifest().tiers.get(tier.id());
            if (rules == null) {
                continue;
            }
            for (TemplateManifest.FileRule rule : rules) {
                if (!Conditions.holds(rule.when, context)) {
                    continue;
                }
                List<String> sources;
                if (isGlob(rule.path)) {
                    if (rule.to != null) {
                        throw new InvalidInputException("template " + pack.name() + ": '" + rule.path + "' is a glob and cannot have 'to'",
                                "name the folders in files/ as the project should have them (names may use {{variables}})");
                    }
                    if (all == null) {
                        all = listFiles(files);
                    }
                    Pattern p = globToRegex(rule.path);
                    sources = all.stream().filter(f -> p.matcher(f).matches()).toList();
                } else {
                    if (!Files.isRegularFile(files.resolve(rule.path))) {
                        throw new InvalidInputException("template " + pack.name() + " lists '" + rule.path
                                + "' but " + TemplatePack.FILES + "/" + rule.path + " does not exist",
                                "add the file to the template or fix the manifest");
                    }
                    sources = List.of(rule.path);
                }
                List<?> items = rule.each == null ? java.util.Collections.singletonList(null) : listAnswer(pack, rule, context);
                for (String source : sources) {
                    for (Object item : items) {
                        jobs.add(new Job(source, rule, item));
                    }
                }
            }
        }
        Stream<Job> stream = jobs.size() >= PARALLEL_THRESHOLD ? jobs.parallelStream() : jobs.stream();
        List<RenderedFile> rendered = stream.map(j -> renderOne(pack, files, j, context, overrides, verbatim)).toList();
        // A later rule (a higher tier) may replace a file of an earlier one.
        Map<String, RenderedFile> byPath = new LinkedHashMap<>();
        for (RenderedFile f : rendered) {
            byPath.remove(f.path());
            byPath.put(f.path(), f);
        }
        return new ArrayList<>(byPath.values());
    }

    private static List<?> listAnswer(TemplatePack pack, TemplateManifest.FileRule rule, Map<String, Object> context) {
        Object value = context.get(rule.each);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        throw new InvalidInputException("template " + pack.name() + ": 'each: " + rule.each + "' needs a list answer",
                "make question " + rule.each + " of type list");
    }

    private RenderedFile renderOne(TemplatePack pack, Path files, Job job, Map<String, Object> context, Path overrides,
            List<Pattern> verbatimGlobs) {
        MustacheRenderer mustache = RENDERERS.get();
        Map<String, Object> ctx = context;
        if (job.item() != null) {
            ctx = new LinkedHashMap<>(context);
            ctx.put("item", job.item());
            if (job.item() instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    ctx.put(String.valueOf(e.getKey()), e.getValue());
                }
            }
        }
        TemplateManifest.FileRule rule = job.rule();
        String targetTemplate = rule.to != null ? rule.to
                : job.source().endsWith(".mustache") ? job.source().substring(0, job.source().length() - ".mustache".length())
                : job.source();
        String target = checkTarget(pack, mustache.render(targetTemplate, "path of " + job.source(), ctx, MustacheRenderer.STANDARD));
        byte[] raw;
        try {
            Path override = overrides == null ? null : overrides.resolve(target);
            raw = override != null && Files.isRegularFile(override) ? Files.readAllBytes(override)
                    : Files.readAllBytes(files.resolve(job.source()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template file " + job.source() + ": " + e.getMessage(), e);
        }
        boolean executable = Boolean.TRUE.equals(rule.executable) || isExecutable(files.resolve(job.source()));
        boolean verbatim = Boolean.TRUE.equals(rule.verbatim) || verbatimGlobs.stream().anyMatch(p -> p.matcher(job.source()).matches())
                || isBinary(raw);
        if (verbatim) {
            return new RenderedFile(target, raw, executable, true);
        }
        MustacheRenderer.Delimiters delimiters = MustacheRenderer.Delimiters.parse(rule.delimiters);
        String text = mustache.render(new String(raw, StandardCharsets.UTF_8), job.source(), ctx, delimiters);
        return new RenderedFile(target, text.getBytes(StandardCharsets.UTF_8), executable,
                !delimiters.equals(MustacheRenderer.STANDARD));
    }

    private static String checkTarget(TemplatePack pack, String path) {
        String p = path.replace('\\', '/');
        boolean bad = p.isBlank() || p.startsWith("/") || p.endsWith("/");
        for (String segment : p.split("/")) {
            bad |= segment.isEmpty() || segment.equals("..") || segment.equals(".");
        }
        bad |= p.equals(ProjectGenerator.META) || p.startsWith(ProjectGenerator.META + "/");
        if (bad) {
            throw new InvalidInputException("template " + pack.name() + " renders the file path '" + path
                    + "', which is empty, absolute, leaves the project or touches .ai-lab/",
                    "check the answers used in file names (no '/', '..' or empty values)");
        }
        return p;
    }

    private static boolean isExecutable(Path file) {
        try {
            return file.getFileSystem().supportedFileAttributeViews().contains("posix") && Files.isExecutable(file);
        } catch (SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean isBinary(byte[] content) {
        int n = Math.min(content.length, 8000);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> listFiles(Path files) {
        if (!Files.isDirectory(files)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(files)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> files.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files + ": " + e.getMessage(), e);
        }
    }

    static boolean isGlob(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0;
    }

    /** {@code **} crosses folders, {@code *} and {@code ?} do not; every other character is literal. */
    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                    re.append("(?:.*/)?");
                    i += 2;
                } else {
                    re.append(".*");
                    i++;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
