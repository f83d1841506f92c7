package dev.elements.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.elements.app.config.LogSettings;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code ELEMENTS_LOG_FORMAT} to the console output that {@code logback.xml} sets up: the
 * settings are read as every other setting is (a system property wins, a bad value stops the
 * start), which Logback's own configuration could not do.
 */
public final class LogOutput {
    private LogOutput() {
    }

    public static void use(LogSettings settings) {
        use(settings, (LoggerContext) LoggerFactory.getILoggerFactory());
    }

    /** With {@code json}, every output of the root logger writes {@link JsonLineEncoder} lines. */
    static void use(LogSettings settings, LoggerContext context) {
        if (!settings.json()) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext();) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> output
                    && !(output.getEncoder() instanceof JsonLineEncoder)) {
                JsonLineEncoder encoder = new JsonLineEncoder();
                encoder.setContext(context);
                encoder.start();
                output.setEncoder(encoder);
            }
        }
    }
}
