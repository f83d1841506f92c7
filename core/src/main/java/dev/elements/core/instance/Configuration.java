package dev.elements.core.instance;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of an instance: the element's defaults, then the operator's
 * overrides, then the instance's own values. Values are strings, as Cloud Elements sends them;
 * this view reads them as the types they stand for. {@link #toString()} names keys, never values.
 */
public final class Configuration {
    private final Map<String, String> values;

    private Configuration(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Configuration of(Map<String, String> values) {
        return new Configuration(requireNonNull(values, "values"));
    }

    /** Layers maps in order: a later map's value wins over an earlier one's. */
    @SafeVarargs
    public static Configuration layered(Map<String, String>... layers) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> layer : layers) {
            merged.putAll(layer);
        }
        return new Configuration(merged);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isEmpty());
    }

    /** The value, or a refusal that names the key, for values the element cannot work without. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new PlatformException(ErrorCode.MISSING_CONFIGURATION,
                "Missing required configuration: " + key));
    }

    public boolean flag(String key, boolean whenAbsent) {
        return get(key).map(Boolean::parseBoolean).orElse(whenAbsent);
    }

    public long positiveNumber(String key, long whenAbsentOrInvalid) {
        try {
            long value = get(key).map(Long::parseLong).orElse(whenAbsentOrInvalid);
            return value > 0 ? value : whenAbsentOrInvalid;
        } catch (NumberFormatException e) {
            return whenAbsentOrInvalid;
        }
    }

    public Duration seconds(String key, Duration whenAbsentOrInvalid) {
        return Duration.ofSeconds(positiveNumber(key, whenAbsentOrInvalid.toSeconds()));
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return "Configuration" + values.keySet();
    }
}
