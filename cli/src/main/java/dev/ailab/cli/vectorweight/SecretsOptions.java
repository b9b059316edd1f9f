package dev.ailab.cli.vectorweight;

import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.deployment.secrets.AgeIdentity;
import dev.ailab.generators.vectorweight.ClusterSecrets;
import dev.ailab.generators.vectorweight.Vectorweight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options every {@code vectorweight secrets} command shares: the config, the repository, the identity. */
public class SecretsOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The vectorweight config file.")
    Path config;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The generated repository (default: ./<project_name>-deployment).")
    Path dir;

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE",
            description = "age identity file of a recipient (default: $SOPS_AGE_KEY_FILE); never the key itself.")
    Path identity;

    /** The secrets of the repository the config generates. */
    ClusterSecrets secrets(CommandSpec spec) {
        RunContext context = RootCommand.contextOf(spec);
        Vectorweight vw = new Vectorweight(context.configLoader());
        ToolkitConfig cfg = vw.validate(context.workingDir().resolve(config));
        Path repo = dir == null ? Vectorweight.defaultOutput(context.workingDir(), cfg) : context.workingDir().resolve(dir);
        return new ClusterSecrets(cfg, repo);
    }

    /** The identity from --identity or SOPS_AGE_KEY_FILE; null when neither is given and {@code required} is false. */
    AgeIdentity identity(CommandSpec spec, boolean required) {
        RunContext context = RootCommand.contextOf(spec);
        Path file = identity;
        String source = "--identity";
        if (file == null && context.env("SOPS_AGE_KEY_FILE") != null && !context.env("SOPS_AGE_KEY_FILE").isBlank()) {
            file = Path.of(context.env("SOPS_AGE_KEY_FILE"));
            source = "SOPS_AGE_KEY_FILE";
        }
        if (file == null) {
            if (required) {
                throw new InvalidInputException("no age identity given", "pass --identity FILE or set SOPS_AGE_KEY_FILE to the identity file of a recipient");
            }
            return null;
        }
        Path resolved = context.workingDir().resolve(file);
        try {
            return AgeIdentity.parse(Files.readString(resolved), resolved.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException("the identity file " + resolved + " (from " + source + ") does not exist",
                    "check the path; age-keygen -o FILE makes one");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("the identity file " + resolved + " (from " + source + ") is not an age identity: it is not UTF-8 text",
                    "give the file age-keygen wrote, with its AGE-SECRET-KEY-1... line");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the identity file " + resolved + ": " + dev.ailab.core.error.IoMessages.describe(e),
                    dev.ailab.core.error.IoMessages.hint(e));
        }
    }
}
