package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One configuration key an element understands, as {@code GET /elements/{key}} lists it.
 *
 * @param key the dotted key, such as {@code oauth.api.key}
 * @param name a short human name
 * @param description what the value is for
 * @param defaultValue the value when neither the operator nor the request sets one; may be null
 * @param type the Cloud Elements input type; {@link ConfigurationType#PASSWORD} marks a secret
 * @param required whether creating an instance without a value fails
 * @param hideFromConsole whether a console should hide the entry
 * @param scope who may set it
 * @param format what a value must look like
 * @param range the whole numbers a {@link ValueFormat#POSITIVE_INTEGER} value may take
 */
public record ConfigurationEntry(
        String key,
        String name,
        String description,
        String defaultValue,
        ConfigurationType type,
        boolean required,
        boolean hideFromConsole,
        ConfigurationScope scope,
        ValueFormat format,
        NumberRange range) {

    public ConfigurationEntry {
        requireNonNull(key, "key");
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        requireNonNull(type, "type");
        requireNonNull(scope, "scope");
        requireNonNull(format, "format");
        requireNonNull(range, "range");
        if (key.isBlank()) {
            throw new IllegalArgumentException("A configuration key may not be blank");
        }
    }

    /** An entry without a declared range: numbers may be any positive {@code long}. */
    public ConfigurationEntry(String key, String name, String description, String defaultValue,
            ConfigurationType type, boolean required, boolean hideFromConsole, ConfigurationScope scope,
            ValueFormat format) {
        this(key, name, description, defaultValue, type, required, hideFromConsole, scope, format,
                NumberRange.POSITIVE);
    }

    /** A value set per instance. */
    public static ConfigurationEntry instance(String key, String name, String description, String defaultValue,
            ConfigurationType type, boolean required, ValueFormat format) {
        return new ConfigurationEntry(key, name, description, defaultValue, type, required, false,
                ConfigurationScope.INSTANCE, format);
    }

    /** An endpoint address that only the operator may change. */
    public static ConfigurationEntry endpoint(String key, String name, String description, String defaultValue) {
        return new ConfigurationEntry(key, name, description, defaultValue, ConfigurationType.TEXTFIELD_1000, false,
                true, ConfigurationScope.OPERATOR, ValueFormat.HTTP_URL);
    }

    /**
     * A key the element does not declare, as an application may send it: Cloud Elements kept such
     * keys (its own examples send {@code event.poller.configuration}, an object), so they are kept
     * too, as plain text of up to {@link ConfigurationType#TEXTAREA}'s length, never as a secret
     * and never as an address the platform calls.
     */
    public static ConfigurationEntry undeclared(String key) {
        return instance(key, key, "A value the application set; the element does not use it", null,
                ConfigurationType.TEXTAREA, false, ValueFormat.TEXT);
    }

    /** A value the platform maintains. */
    public static ConfigurationEntry platform(String key, String name, String description, ConfigurationType type) {
        return new ConfigurationEntry(key, name, description, null, type, false, true, ConfigurationScope.PLATFORM,
                ValueFormat.TEXT);
    }

    /** Secrets are never shown, logged or stored in plaintext. */
    public boolean secret() {
        return type == ConfigurationType.PASSWORD;
    }

    /**
     * A stable number for the key, because Cloud Elements clients address configuration entries by
     * id. It depends on the key alone, so it survives reordering and new entries.
     */
    public long id() {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * Empty when {@code value} may be stored under this key, else the reason, naming the key (and
     * never quoting the value). The length is checked first, so no later check works on more.
     */
    public Optional<String> problemWith(String value) {
        if (value.length() > type.maxLength()) {
            return Optional.of(key + " is longer than " + type.maxLength() + " characters");
        }
        if (ControlCharacters.in(value, type == ConfigurationType.TEXTAREA)) {
            return Optional.of(key + " " + ControlCharacters.PROBLEM);
        }
        ValueFormat effective = type == ConfigurationType.BOOLEAN ? ValueFormat.BOOLEAN : format;
        if (effective == ValueFormat.POSITIVE_INTEGER && !range.equals(NumberRange.POSITIVE)) {
            return inRange(value) ? Optional.empty() : Optional.of(key + " must be a whole number " + range);
        }
        return effective.problemWith(value).map(problem -> key + " " + problem);
    }

    private boolean inRange(String value) {
        try {
            return range.contains(Long.parseLong(value));
        } catch (NumberFormatException tooLongOrNotANumber) {
            return false;
        }
    }

    public ConfigurationEntry withDefaultValue(String newDefault) {
        return new ConfigurationEntry(key, name, description, newDefault, type, required, hideFromConsole, scope,
                format, range);
    }

    /** The same entry, whose numbers must lie in {@code newRange}. */
    public ConfigurationEntry withRange(NumberRange newRange) {
        return new ConfigurationEntry(key, name, description, defaultValue, type, required, hideFromConsole, scope,
                format, newRange);
    }

    /** The same entry, whose numbers must lie in {@code minimum..maximum}. */
    public ConfigurationEntry withRange(long minimum, long maximum) {
        return withRange(new NumberRange(minimum, maximum));
    }
}
