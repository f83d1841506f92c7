package dev.elements.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it is open: SLF4J (the adapter, Javalin, Jetty) through logback, and
 * java.util.logging, where core's System.Logger lands by default. Lines include stack traces.
 */
final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Logger julElements = java.util.logging.Logger.getLogger("dev.elements");
    private final Level julElementsLevel = julElements.getLevel();
    private final List<String> julLines = Collections.synchronizedList(new ArrayList<>());
    private final Handler julHandler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            julLines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        julHandler.setLevel(Level.ALL);
        julElements.setLevel(Level.ALL);
        julRoot.addHandler(julHandler);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (appender.list) {
            for (ILoggingEvent event : appender.list) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getLevel())
                        .append(' ').append(event.getFormattedMessage());
                if (event.getThrowableProxy() != null) {
                    line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
                }
                lines.add(line.toString());
            }
        }
        synchronized (julLines) {
            lines.addAll(julLines);
        }
        return lines;
    }


    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        julRoot.removeHandler(julHandler);
        julElements.setLevel(julElementsLevel);
    }
}
