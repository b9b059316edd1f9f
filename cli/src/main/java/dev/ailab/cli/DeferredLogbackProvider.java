package dev.ailab.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the command-line tools: hands out light loggers and starts Logback only
 * when one of them has an event to write. sqlite-jdbc, JGit and Flyway ask for loggers as their
 * classes load, and starting Logback for that alone cost about 0.06 s of every run that never
 * logs anything. Selected with the {@code slf4j.provider} system property (see
 * {@link CommandLineFactory}); without it, SLF4J finds Logback's own provider and all still works.
 */
public final class DeferredLogbackProvider implements SLF4JServiceProvider {
    private static volatile LogbackServiceProvider logback;

    private final Factory factory = new Factory();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** Logback's context, started now if it was not yet. */
    static synchronized LoggerContext loggerContext() {
        if (logback == null) {
            LogbackServiceProvider provider = new LogbackServiceProvider();
            provider.initialize(); // runs QuietLogbackConfigurator
            logback = provider;
        }
        return (LoggerContext) logback.getLoggerFactory();
    }

    static boolean isItsFactory(ILoggerFactory factory) {
        return factory instanceof Factory;
    }

    static boolean started() {
        return logback != null;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing until something logs
    }

    private static final class Factory implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, DeferredLogger::new);
        }
    }

    /** Answers "is this level on?" from the run's verbosity; forwards events to Logback. */
    private static final class DeferredLogger extends AbstractLogger {
        private static final long serialVersionUID = 1L;
        private transient volatile ch.qos.logback.classic.Logger target;

        DeferredLogger(String name) {
            this.name = name;
        }

        private boolean enabled(Level level) {
            ch.qos.logback.classic.Logger real = target;
            if (real == null && started()) {
                real = target = loggerContext().getLogger(name);
            }
            return real != null ? real.isEnabledForLevel(level) : LoggingSetup.wouldLog(name, level.toInt());
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                                                   Throwable throwable) {
            ch.qos.logback.classic.Logger real = target;
            if (real == null) {
                real = target = loggerContext().getLogger(name);
            }
            ((LocationAwareLogger) real).log(marker, DeferredLogger.class.getName(), level.toInt(), message,
                    arguments, throwable);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return DeferredLogger.class.getName();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return enabled(Level.ERROR);
        }
    }
}
