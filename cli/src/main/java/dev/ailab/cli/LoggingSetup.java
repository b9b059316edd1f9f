package dev.ailab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Logback configured in code (several times faster to start than from XML): warnings on stderr by
 * default, info with -v, debug with -vv, errors only with -q; info and above also go to
 * {@code $XDG_STATE_HOME/ai-lab/toolkit.log}, opened only when something is logged.
 */
public final class LoggingSetup {
    private LoggingSetup() {
    }

    /** Libraries that are chatty at info: kept at warn unless -vv. */
    private static final String[] NOISY_LIBRARIES = {"org.hibernate", "org.flywaydb", "org.eclipse.jgit", "com.zaxxer"};

    /** What the next Logback initialisation should set up; null until a command runs. */
    private static volatile Verbosity pendingVerbosity;
    private static volatile Path pendingLogFile;
    private static volatile boolean initialized;

    /**
     * Sets logging up for one run. At the default verbosity nothing is loaded yet: Logback costs
     * about 60 ms to start, so it starts only when the first logger is asked for (through
     * {@link QuietLogbackConfigurator}), and runs that never log never pay for it.
     */
    public static void prepare(Verbosity verbosity, RunContext context) {
        pendingVerbosity = verbosity;
        pendingLogFile = logFile(context);
        if (initialized || verbosity.level() != 0) {
            apply(verbosity, context);
        }
    }

    public static void apply(Verbosity verbosity, RunContext context) {
        LoggerContext lc = loggerContext();
        if (lc != null) {
            configure(lc, verbosity, logFile(context));
        }
    }

    /** Logback's context (started if it was not), or null when SLF4J is bound to something else. */
    static LoggerContext loggerContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext lc) {
            return lc;
        }
        return DeferredLogbackProvider.isItsFactory(factory) ? DeferredLogbackProvider.loggerContext() : null;
    }

    /**
     * Whether an event of {@code level} (SLF4J's level number) from logger {@code name} would be
     * written anywhere under the run's verbosity: the rule {@link #configure} sets up, answered
     * without starting Logback.
     */
    static boolean wouldLog(String name, int level) {
        Verbosity verbosity = pendingVerbosity == null ? Verbosity.DEFAULT : pendingVerbosity;
        if (verbosity.level() >= 2) {
            return level >= Level.DEBUG_INT;
        }
        return level >= (isNoisy(name) ? Level.WARN_INT : Level.INFO_INT);
    }

    private static boolean isNoisy(String name) {
        for (String noisy : NOISY_LIBRARIES) {
            if (name.startsWith(noisy) && (name.length() == noisy.length() || name.charAt(noisy.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** Called by Logback's own initialisation: the settings of the run in progress, or the defaults. */
    static void configureOnFirstUse(LoggerContext lc) {
        Verbosity verbosity = pendingVerbosity == null ? Verbosity.DEFAULT : pendingVerbosity;
        Path file = pendingLogFile == null ? logFile(RunContext.system()) : pendingLogFile;
        configure(lc, verbosity, file);
    }

    private static Path logFile(RunContext context) {
        return context.xdg().stateHome().resolve("ai-lab/toolkit.log");
    }

    private static synchronized void configure(LoggerContext lc, Verbosity verbosity, Path logFile) {
        initialized = true;
        lc.reset();
        Level consoleLevel = switch (verbosity.level()) {
            case -1 -> Level.ERROR;
            case 0 -> Level.WARN;
            case 1 -> Level.INFO;
            default -> Level.DEBUG;
        };
        Logger root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbosity.level() >= 2 ? Level.DEBUG : Level.INFO);
        root.addAppender(console(lc, consoleLevel));
        root.addAppender(file(lc, logFile));
        if (verbosity.level() < 2) {
            for (String noisy : NOISY_LIBRARIES) {
                lc.getLogger(noisy).setLevel(Level.WARN);
            }
        }
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext lc, Level level) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(lc);
        appender.setTarget("System.err");
        appender.setEncoder(encoder(lc, "%level: %msg%n"));
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(level.toString());
        filter.start();
        appender.addFilter(filter);
        appender.start();
        return appender;
    }

    private static Appender<ILoggingEvent> file(LoggerContext lc, Path path) {
        LazyFileAppender appender = new LazyFileAppender(path);
        appender.setContext(lc);
        appender.start();
        return appender;
    }

    /** Opens the log file on the first event, so runs that log nothing touch no file. */
    private static final class LazyFileAppender extends AppenderBase<ILoggingEvent> {
        private final Path path;
        private FileAppender<ILoggingEvent> delegate;
        private boolean failed;

        LazyFileAppender(Path path) {
            this.path = path;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (failed || event.getLevel().toInt() < Level.INFO_INT) {
                return;
            }
            if (delegate == null) {
                LoggerContext lc = (LoggerContext) getContext();
                FileAppender<ILoggingEvent> file = new FileAppender<>();
                file.setContext(lc);
                file.setFile(path.toString());
                file.setEncoder(encoder(lc, "%d{ISO8601} %level [%logger{20}] %msg%n"));
                file.start();
                if (!file.isStarted()) {
                    failed = true; // an unwritable state folder must not break the command
                    return;
                }
                delegate = file;
            }
            delegate.doAppend(event);
        }

        @Override
        public void stop() {
            if (delegate != null) {
                delegate.stop();
            }
            super.stop();
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext lc, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(lc);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
