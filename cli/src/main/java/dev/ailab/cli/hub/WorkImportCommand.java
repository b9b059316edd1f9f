package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.NewWorkItem;
import dev.ailab.hub.WorkItemFiles;
import dev.ailab.hub.WorkItems;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code work import}: checks the whole file, skips items already there, then inserts the rest in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import work items from JSON or CSV: all of them in one transaction, or none.",
            "Items already in the store (the same external_ref, or the same title, project, body and creation time)"
                + " are reported and skipped unless --allow-duplicates."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab work import items.json", "  ai-lab work import backlog.csv",
            "  ai-lab work import items.json --allow-duplicates",
            "  cat items.json | ai-lab work import - --format json"})
public class WorkImportCommand extends HubCommand {
    @Parameters(paramLabel = "FILE", description = "A .json or .csv file, or - for standard input.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json or csv (default: from the file name).")
    WorkItemFiles.Format format;

    @Option(names = "--allow-duplicates", description = "Import items that are already in the store as new rows too.")
    boolean allowDuplicates;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() throws IOException {
        WorkItemFiles.Format f = format != null ? format : WorkItemFiles.Format.guess(file);
        if (f == null) {
            throw new InvalidInputException("cannot tell the format of '" + file + "'", "name it .json or .csv, or give --format");
        }
        List<WorkItemFiles.Entry> entries;
        String name = file.equals("-") ? "<stdin>" : file;
        if (file.equals("-")) {
            entries = WorkItemFiles.read(new InputStreamReader(context().stdin(), StandardCharsets.UTF_8), f, name);
        } else {
            Path p = context().resolve(file);
            if (!Files.isRegularFile(p)) {
                throw new InvalidInputException("no such file: " + p, "give the path of a .json or .csv file");
            }
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                entries = WorkItemFiles.read(r, f, name);
            }
        }
        List<NewWorkItem> items = entries.stream().map(WorkItemFiles.Entry::item).toList();
        List<Long> fileIds = entries.stream().map(WorkItemFiles.Entry::fileId).toList();
        WorkItems.ImportResult result = new WorkItems(store()).importAll(items, fileIds, allowDuplicates,
                dev.ailab.cli.ProgressOutput.of(spec));
        List<Long> ids = result.ids();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("imported", ids.size());
            json.put("first_id", ids.isEmpty() ? null : ids.get(0));
            json.put("last_id", ids.isEmpty() ? null : ids.get(ids.size() - 1));
            json.put("skipped", result.skipped().size());
            json.put("skipped_items", result.skipped());
            JsonOutput.write(out(), json);
        } else {
            out().println("imported " + ids.size() + " work items"
                    + (ids.isEmpty() ? "" : " (ids " + ids.get(0) + "-" + ids.get(ids.size() - 1) + ")")
                    + (result.skipped().isEmpty() ? "" : ", skipped " + result.skipped().size() + " already there"));
            for (WorkItems.Skipped k : result.skipped()) {
                out().println("  skipped item " + k.item() + " (" + (k.externalRef() != null ? k.externalRef() : "\"" + k.title() + "\"")
                        + "): already work item #" + k.existingId());
            }
            out().flush();
            if (!result.skipped().isEmpty()) {
                err().println("hint: add --allow-duplicates to import them as new items anyway");
                err().flush();
            }
        }
        return 0;
    }
}
