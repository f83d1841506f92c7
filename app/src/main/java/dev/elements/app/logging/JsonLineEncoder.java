package dev.elements.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per log event and line, for log collectors ({@code ELEMENTS_LOG_FORMAT=json}):
 * {@code timestamp} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread}, {@code message},
 * the request's {@code requestId}, {@code organizationId} and {@code instanceId} when the event has
 * them in its MDC, and {@code exception} as one string with its stack trace. Nothing is logged
 * here that the text format would not show: the secrets stay out for the same reasons.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
    /** The MDC entries a request puts on the lines logged for it. */
    public static final List<String> REQUEST_FIELDS = List.of("requestId", "organizationId", "instanceId");

    private static final byte[] NOTHING = new byte[0];
    private final JsonFactory json = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (JsonGenerator out = json.createGenerator(line)) {
            out.writeStartObject();
            out.writeStringField("timestamp", DateTimeFormatter.ISO_INSTANT.format(
                    Instant.ofEpochMilli(event.getTimeStamp())));
            out.writeStringField("level", event.getLevel().toString());
            out.writeStringField("logger", event.getLoggerName());
            out.writeStringField("thread", event.getThreadName());
            out.writeStringField("message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            for (String field : REQUEST_FIELDS) {
                String value = mdc == null ? null : mdc.get(field);
                if (value != null) {
                    out.writeStringField(field, value);
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                out.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON into memory failed", e);
        }
        line.write('\n');
        return line.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}
