package dev.ailab.cli.hub;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.TextTable;
import dev.ailab.core.config.LoadedConfig;
import dev.ailab.core.config.StoreConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.IoMessages;
import dev.ailab.hub.SqliteNative;
import dev.ailab.hub.StoreFactory;
import dev.ailab.hub.StoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the hub's leaf commands: finds the store (without loading Jackson when no config file
 * exists, which keeps {@code work add} and {@code work list} fast), opens it lazily and closes it.
 */
public abstract class HubCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin
    protected ConfigMixin config;

    private StoreFactory store;

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    protected abstract int run() throws Exception;

    protected RunContext context() {
        return RootCommand.contextOf(spec);
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected int width() {
        return TextTable.terminalWidth(context().env());
    }

    /**
     * True for a command that only reads the store (list, show, export, info, backup): it opens
     * the store so that nothing is created, see {@link StoreFactory.Access#READ}.
     */
    protected boolean readsOnly() {
        return false;
    }

    protected StoreFactory store() {
        if (store == null) {
            StoreSettings settings = settings(context(), config);
            if (settings.url().startsWith("jdbc:sqlite:")) {
                SqliteNative.useCacheDir(context().xdg().cacheHome());
            }
            store = readsOnly() ? StoreFactory.openForReading(settings, defaultFile(context())) : StoreFactory.open(settings);
        }
        return store;
    }

    /** The XDG default database file, used when neither AI_LAB_DB_URL nor a config names one. */
    static Path defaultFile(RunContext context) {
        return context.xdg().dataHome().resolve("ai-lab/ai-lab.db");
    }

    /**
     * The store's settings. When there is no --config, no user and no project config file, the
     * answer is AI_LAB_DB_URL or the default file, read without the config machinery (Jackson's
     * start-up alone costs about a quarter of a second). Otherwise the layered config decides.
     */
    static StoreSettings settings(RunContext context, ConfigMixin config) {
        var loader = context.configLoader();
        boolean noFiles = (config == null || config.file == null) && !Files.isRegularFile(loader.userConfigFile())
                && !Files.isRegularFile(loader.projectConfigFile());
        String user = context.env("AI_LAB_DB_USER");
        String password = context.env("AI_LAB_DB_PASSWORD");
        if (noFiles) {
            String url = context.env("AI_LAB_DB_URL");
            if (url == null || url.isBlank()) {
                url = "jdbc:sqlite:" + defaultFile(context);
            }
            return new StoreSettings(url, blank(user), blank(password));
        }
        LoadedConfig loaded = config.load();
        StoreConfig sc = loaded.config().store;
        if (sc.user != null) {
            user = sc.user;
        }
        if (sc.passwordEnv != null) {
            password = context.env(sc.passwordEnv);
        }
        return new StoreSettings(sc.url, blank(user), blank(password));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Reads a text argument that may name a file or '-' for standard input. */
    protected String readTextFile(String fileOrDash, String what) {
        if (fileOrDash == null) {
            return null;
        }
        try {
            if (fileOrDash.equals("-")) {
                InputStream in = context().stdin();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path p = context().resolve(fileOrDash);
            if (!Files.isRegularFile(p)) {
                throw new InvalidInputException("no such file: " + p, "give the " + what + " file, or - for standard input");
            }
            return Files.readString(p);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + fileOrDash + ": " + IoMessages.describe(e), IoMessages.hint(e));
        }
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
