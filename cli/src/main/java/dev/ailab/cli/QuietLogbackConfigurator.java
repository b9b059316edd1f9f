package dev.ailab.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Found through the service loader before Logback looks for XML files, so start-up does no file
 * look-ups: configures Logback in code with the settings of the command being run.
 */
public class QuietLogbackConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LoggingSetup.configureOnFirstUse(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
