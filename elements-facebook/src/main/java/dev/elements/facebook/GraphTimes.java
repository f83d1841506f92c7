package dev.elements.facebook;

import dev.elements.core.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Facebook's two ways of writing a time: Unix seconds (webhook {@code time} and {@code created_time},
 * as a number or a string of digits) and Graph's {@code 2015-12-03T09:30:03+0000}, whose offset has no
 * colon, which ISO-8601's strict parser refuses.
 */
final class GraphTimes {
    private static final DateTimeFormatter GRAPH = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    private GraphTimes() {
    }

    /** The instant {@code value} names, or empty when it is no time Facebook writes. */
    static Optional<Instant> read(JsonValue value) {
        long seconds = value.longOr(-1);
        if (seconds >= 0) {
            return Optional.of(Instant.ofEpochSecond(seconds));
        }
        if (!value.isText()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.text(), GRAPH).toInstant());
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
