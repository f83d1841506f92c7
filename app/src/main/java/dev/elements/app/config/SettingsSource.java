package dev.elements.app.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from: environment variables such as {@code ELEMENTS_HTTP_PORT}, or the same
 * names as Java system properties, lower-cased with dots ({@code elements.http.port}). A system
 * property wins, because it is the more deliberate of the two on one command line.
 */
public final class SettingsSource {
    private static final String PREFIX = "ELEMENTS_";

    private final Map<String, String> variables;

    public SettingsSource(Map<String, String> environment, Map<String, String> systemProperties) {
        Map<String, String> merged = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                merged.put(name, value);
            }
        });
        systemProperties.forEach((name, value) -> {
            if (name.startsWith(PREFIX.toLowerCase(Locale.ROOT).replace('_', '.'))) {
                merged.put(variableName(name), value);
            }
        });
        this.variables = Map.copyOf(merged);
    }

    public static SettingsSource of(Map<String, String> environment, Properties properties) {
        Map<String, String> props = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> props.put(name, properties.getProperty(name)));
        return new SettingsSource(environment, props);
    }

    public static SettingsSource of(Map<String, String> variables) {
        return new SettingsSource(requireNonNull(variables, "variables"), Map.of());
    }

    /** {@code elements.http.port} becomes {@code ELEMENTS_HTTP_PORT}. */
    static String variableName(String propertyName) {
        return propertyName.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value, with surrounding blanks removed; an empty value counts as unset. */
    public Optional<String> get(String variable) {
        return Optional.ofNullable(variables.get(variable)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public String get(String variable, String defaultValue) {
        return get(variable).orElse(defaultValue);
    }

    public int port(String variable, int defaultValue) {
        String raw = get(variable).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(raw);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(variable + " must be a port number from 0 to 65535, not '" + raw + "'");
    }

    /** {@code true} or {@code false}, {@code defaultValue} when unset; anything else stops the start, as a typo must. */
    public boolean flag(String variable, boolean defaultValue) {
        String value = get(variable).orElse(Boolean.toString(defaultValue));
        if (!value.equals("true") && !value.equals("false")) {
            throw new SettingsException(variable + " must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** Every ELEMENTS_ setting by variable name, for the element overrides. */
    public Map<String, String> all() {
        return variables;
    }
}
