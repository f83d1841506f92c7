package dev.elements.core.query;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** A literal in a condition: a single-quoted text, a number, or {@code true}/{@code false}. */
public sealed interface Value {

    /** As the value would be written in a query, for messages. */
    String written();

    /** {@code 'text'}; a quote inside is written twice ({@code 'O''Brien'}) and read once. */
    record Text(String text) implements Value {
        public Text {
            requireNonNull(text, "text");
        }

        /**
         * The text as a point in time: an ISO-8601 date-time with an offset
         * ({@code 2026-01-15T00:00:00Z}, as Cloud Elements' examples write dates), or a date alone,
         * meaning its start in UTC. Kept to the millisecond, the precision stores keep times at.
         */
        public Optional<Instant> instant() {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS));
            } catch (DateTimeParseException notADateTime) {
                try {
                    return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }

        @Override
        public String written() {
            return "'" + text.replace("'", "''") + "'";
        }
    }

    /** A number such as {@code 12} or {@code -0.5}. */
    record Numeric(BigDecimal number) implements Value {
        public Numeric {
            requireNonNull(number, "number");
        }

        @Override
        public String written() {
            return number.toPlainString();
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean bool) implements Value {
        @Override
        public String written() {
            return Boolean.toString(bool);
        }
    }
}
