package dev.ailab.cli.ailab;

import dev.ailab.cli.RunContext;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.io.FileTrees;
import dev.ailab.core.template.TemplateCatalog;
import dev.ailab.core.template.TemplatePack;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitProgress;
import dev.ailab.sources.git.GitSources;
import dev.ailab.sources.git.GitUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a template comes from on the command line: a name (the user's templates, then the
 * built-in ones), a folder ({@code --template-dir}), or a git URL (with {@code --vcs-ref}),
 * cloned through {@link GitSources} into a temporary folder that is removed on {@link #close()}.
 */
final class ScaffoldTemplateSource implements AutoCloseable {
    private final TemplatePack pack;
    private final Path clone;

    private ScaffoldTemplateSource(TemplatePack pack, Path clone) {
        this.pack = pack;
        this.clone = clone;
    }

    TemplatePack pack() {
        return pack;
    }

    static TemplateCatalog catalog(RunContext context) {
        return new TemplateCatalog(context.xdg().configHome().resolve("ai-lab/templates"));
    }

    /**
     * @param name        a template name or git URL (may be null when {@code templateDir} is given)
     * @param templateDir a folder or git URL (may be null)
     * @param vcsRef      branch, tag or commit of a git template (may be null)
     */
    static ScaffoldTemplateSource open(RunContext context, String name, String templateDir, String vcsRef) {
        if (name != null && templateDir != null) {
            throw new InvalidInputException("give either --template or --template-dir, not both",
                    "--template takes a name or git URL, --template-dir a folder or git URL");
        }
        String location = templateDir != null ? templateDir : name;
        if (location != null && GitUrls.looksLikeGitUrl(location)) {
            return fromGit(context, location, vcsRef);
        }
        if (vcsRef != null) {
            throw new InvalidInputException("--vcs-ref needs a git URL template",
                    "give the URL with --template or --template-dir, e.g. --template https://host/repo.git --vcs-ref v1.0");
        }
        if (templateDir != null) {
            Path dir = context.resolve(templateDir);
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException("template folder not found: " + dir, "give a folder holding template.yaml");
            }
            return new ScaffoldTemplateSource(TemplatePack.load(dir, dir.toString()), null);
        }
        return new ScaffoldTemplateSource(catalog(context).find(name), null);
    }

    private static ScaffoldTemplateSource fromGit(RunContext context, String url, String ref) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ai-lab-template-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder: " + e.getMessage(), e);
        }
        try {
            String commit = GitSources.detect(context.env()).checkout(url, ref, dir, GitAuth.none(), GitProgress.NONE);
            String origin = url + "@" + (ref == null ? "" : ref + ":") + (commit.length() >= 12 ? commit.substring(0, 12) : commit);
            return new ScaffoldTemplateSource(TemplatePack.load(dir, origin), dir);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(dir);
            throw e;
        }
    }

    @Override
    public void close() {
        if (clone != null) {
            FileTrees.deleteQuietly(clone); // a temporary folder; the system cleans a leftover eventually
        }
    }
}
