package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.GitopsConfig;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.generators.charts.ChartResolver;
import java.util.List;

/**
 * Turns a validated vectorweight config into the files of a GitOps repository, in memory.
 * Pure and deterministic: the same config gives byte-identical output (no clock, no
 * environment, maps written in a fixed order). Each kind of output is one {@link RepositoryPart};
 * every chart location comes from the {@link ChartResolver}.
 */
public final class VectorweightGenerator {
    /** Recorded in the state file; bump when the output for an unchanged config changes. */
    public static final String VERSION = "4";

    private static final String GITIGNORE = "# vectorweight's run-time files; .vectorweight/state.json itself belongs in git\n"
            + "/.vectorweight/*.lock\n/.vectorweight/*.pending\n";

    private final ChartResolver charts;

    /** Chart locations from each config's {@code sources.mode}. */
    public VectorweightGenerator() {
        this(null);
    }

    /** Every chart from {@code charts}, whatever the config's mode says (null: from the mode). */
    public VectorweightGenerator(ChartResolver charts) {
        this.charts = charts;
    }

    public GeneratedRepository generate(ToolkitConfig config) {
        return generate(config, null);
    }

    /** As {@link #generate(ToolkitConfig)}; relative paths of {@code sources} are read from {@code baseDir}. */
    public GeneratedRepository generate(ToolkitConfig config, java.nio.file.Path baseDir) {
        return generate(config, baseDir, java.util.Map.of());
    }

    /**
     * As {@link #generate(ToolkitConfig, java.nio.file.Path)}, for an output that already holds
     * SOPS secrets: {@code secretFiles} maps a cluster to the file names in its secrets folder
     * ({@link ClusterSecrets#secretFiles}), which the Argo CD engine lists for KSOPS.
     */
    public GeneratedRepository generate(ToolkitConfig config, java.nio.file.Path baseDir,
                                        java.util.Map<String, List<String>> secretFiles) {
        ChartResolver resolver = charts != null ? charts : ChartResolver.forConfig(config, baseDir);
        Project p = new Project(config, resolver, secretFiles);
        OutputFiles out = new OutputFiles();
        out.text(".gitignore", GITIGNORE);
        for (RepositoryPart part : parts(p, resolver)) {
            part.writeTo(out);
        }
        resolver.vendoredFiles().forEach(out::bytes);
        return new GeneratedRepository(out.files(), GeneratorWarnings.of(config, p));
    }

    /** Every part of the repository, each writing its own paths. */
    List<RepositoryPart> parts(Project p) {
        return parts(p, charts != null ? charts : ChartResolver.upstream());
    }

    private static List<RepositoryPart> parts(Project p, ChartResolver charts) {
        if (p.engine == GitopsConfig.Engine.FLUX) {
            return List.of(
                    new Readme(p, charts),
                    new FluxDeployScript(p),
                    new RenovateConfig(charts, p.engine),
                    new FluxObjects(p, charts),
                    new SopsRules(p),
                    new ClusterBaseChart(p),
                    new ComponentValues(p));
        }
        return List.of(
                new Readme(p, charts),
                new DeployScript(p, charts),
                new RenovateConfig(charts, p.engine),
                new ArgoCdObjects(p, charts),
                new SopsRules(p),
                new ClusterBaseChart(p),
                new ComponentValues(p));
    }
}
