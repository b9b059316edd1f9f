package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.core.error.ExitCodes;
import dev.ailab.generators.bundle.BundleVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vectorweight bundle verify}: every byte of a bundle against its manifest, offline. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a bundle offline: every file's digest, none missing, none extra, the manifest's checksum.",
                "Images listed with a digest must be in the bundle. Reads the bundle once, streaming."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 intact, 1 a file is changed, truncated, missing or extra (each is named)", "",
                  "Example:", "  vectorweight bundle verify lab.bundle"})
public class BundleVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The bundle.")
    Path bundle;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        Path file = RootCommand.contextOf(spec).workingDir().resolve(bundle);
        BundleVerifier.Report r;
        try (BundleLines progress = BundleLines.of(spec)) {
            r = new BundleVerifier().verify(file, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("ok", r.ok());
            doc.put("files_checked", r.filesChecked());
            doc.put("bytes_checked", r.bytesChecked());
            doc.put("problems", r.problems().stream().map(p -> Map.of("path", p.path(), "problem", p.problem())).toList());
            JsonOutput.write(out, doc);
        } else if (r.ok()) {
            out.println(file + ": ok (" + r.filesChecked() + " files, " + r.bytesChecked() + " bytes checked)");
        } else {
            PrintWriter err = spec.commandLine().getErr();
            r.problems().forEach(p -> err.println(file + ": " + p.path() + ": " + p.problem()));
            err.println("hint: copy the bundle again from the machine that made it, or make it again with "
                    + "'vectorweight bundle create'");
        }
        out.flush();
        return r.ok() ? 0 : ExitCodes.FAILED;
    }
}
