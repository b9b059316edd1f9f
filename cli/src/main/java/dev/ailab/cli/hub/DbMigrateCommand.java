package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.StoreFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code db migrate}: Flyway migrate (every other command also migrates an older store on first use). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Bring the store's schema up to this version (refuses a store from a newer version).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab db migrate", "  AI_LAB_DB_URL=jdbc:postgresql://db/ailab ai-lab db migrate"})
public class DbMigrateCommand extends HubCommand {
    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        StoreFactory store = store();
        int applied = store.migrate();
        String version = store.schemaState().version();
        if (output.json()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("database", store.where());
            r.put("applied", applied);
            r.put("version", version);
            JsonOutput.write(out(), r);
        } else {
            err().println(applied == 0 ? store.where() + " is up to date at version " + version
                    : "applied " + applied + " migration(s) to " + store.where() + "; now at version " + version);
            err().flush();
        }
        return 0;
    }
}
