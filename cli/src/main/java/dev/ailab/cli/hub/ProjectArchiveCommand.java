package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.ProjectArchiver;
import dev.ailab.hub.ProjectRow;
import dev.ailab.hub.Projects;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code project archive}: marks it archived; --file first writes a verified tar.gz of the folder. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Mark a project archived. With --file, first pack its folder into a tar.gz that is read back and checked"
                + " file by file; the folder itself is left in place.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab project archive shop", "  ai-lab project archive shop --file ~/archive/shop.tar.gz"})
public class ProjectArchiveCommand extends HubCommand {
    @Parameters(paramLabel = "NAME") String name;
    @Option(names = "--file", paramLabel = "FILE", description = "Pack the folder into FILE (tar.gz) and verify it.") String pack;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        Projects projects = new Projects(store());
        ProjectRow before = projects.get(name);
        ProjectArchiver.Packed packed = null;
        if (pack != null) {
            if (before.path() == null) {
                throw new InvalidInputException("project '" + name + "' has no folder to pack", "register its folder first");
            }
            packed = ProjectArchiver.pack(Path.of(before.path()), context().resolve(pack));
        }
        ProjectRow row = projects.archive(name, packed == null ? null : packed.archive());
        if (output.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("project", row);
            result.put("packed", packed);
            JsonOutput.write(out(), result);
        } else {
            if (packed != null) {
                err().println("packed " + packed.files() + " files into " + packed.archive() + " (" + packed.bytes()
                        + " bytes, sha256 " + packed.sha256() + "), verified");
            }
            err().println("archived " + name);
            err().flush();
        }
        return 0;
    }
}
