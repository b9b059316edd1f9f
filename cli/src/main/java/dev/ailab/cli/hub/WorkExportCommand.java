package dev.ailab.cli.hub;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.hub.WorkFilter;
import dev.ailab.hub.WorkItemFiles;
import dev.ailab.hub.WorkItems;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code work export}: every item (done ones too) as JSON or CSV, streamed; files written atomically. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export work items as JSON or CSV (all of them by default; the list filters apply).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab work export items.json", "  ai-lab work export - --format csv --project shop > shop.csv"})
public class WorkExportCommand extends HubCommand {
    @Parameters(paramLabel = "FILE", defaultValue = "-", description = "Output file, or - for standard output (default).")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json or csv (default: from the file name, else json).")
    WorkItemFiles.Format format;

    @Mixin
    WorkFilterOptions filter;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() throws IOException {
        WorkItemFiles.Format f = format != null ? format : file.equals("-") ? WorkItemFiles.Format.json : WorkItemFiles.Format.guess(file);
        if (f == null) {
            throw new InvalidInputException("cannot tell the format of '" + file + "'", "name it .json or .csv, or give --format");
        }
        WorkFilter wf = filter.toFilter(true);
        WorkItems work = new WorkItems(store());
        AtomicInteger count = new AtomicInteger();
        if (file.equals("-")) {
            write(out(), f, work, wf, count);
            out().flush();
        } else {
            Path target = context().resolve(file);
            AtomicFiles.write(target, channel -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
                write(w, f, work, wf, count);
                w.flush();
            }, null);
            err().println("exported " + count.get() + " work items to " + target);
            err().flush();
        }
        return 0;
    }

    private static void write(Writer w, WorkItemFiles.Format f, WorkItems work, WorkFilter wf, AtomicInteger count) throws IOException {
        if (f == WorkItemFiles.Format.json) {
            WorkItemFiles.JsonArrayWriter json = WorkItemFiles.jsonWriter(w);
            work.each(wf, r -> {
                json.write(r);
                count.incrementAndGet();
            });
            json.close();
        } else {
            WorkItemFiles.csvHeader(w);
            work.each(wf, r -> {
                try {
                    WorkItemFiles.csvRow(w, r);
                    count.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
