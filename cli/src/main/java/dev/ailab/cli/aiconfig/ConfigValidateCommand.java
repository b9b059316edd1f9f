package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.core.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every config file in use (user, project, --config) and then their combination. "
                + "Problems name FILE:LINE:COLUMN and the fix; exit 2 when there is one.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config config validate", "  ai-config config validate --config team.yaml"})
public class ConfigValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Override
    public Integer call() {
        ConfigLoader loader = RootCommand.contextOf(spec).configLoader();
        List<Path> files = new ArrayList<>();
        for (Path p : List.of(loader.userConfigFile(), loader.projectConfigFile())) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        if (config.file != null) {
            files.add(RootCommand.contextOf(spec).workingDir().resolve(config.file));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            loader.validateFile(f);
            out.println("ok: " + f);
        }
        config.load();
        out.println(files.isEmpty() ? "ok: no config file; built-in defaults are valid" : "ok: the combined config is valid");
        out.flush();
        return 0;
    }
}
