package dev.ailab.cli.vectorweight;

import dev.ailab.cli.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** Airgapped bundles: create, verify, import, diff. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Airgapped bundles of charts, images and the generated repository: create, verify, import, diff.",
        footerHeading = "%nExamples:%n",
        footer = {"  vectorweight bundle create -c vw.yaml --file lab.bundle --images",
                  "  vectorweight bundle verify lab.bundle",
                  "  vectorweight bundle import lab.bundle --dir /srv/vectorweight"})
public class BundleCommand extends GroupCommand {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(BundleCreateCommand.class, BundleVerifyCommand.class, BundleImportCommand.class, BundleDiffCommand.class);
    }
}
