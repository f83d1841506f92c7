package dev.elements.core.element;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's replacements for element defaults, such as pointing {@code facebooksocial}'s
 * {@code base.url} at a local fake. The host decides where they come from (the server reads
 * {@code ELEMENTS_<ELEMENT>_<KEY>} settings).
 */
@FunctionalInterface
public interface OperatorOverrides {
    Optional<String> valueFor(ElementKey element, String configurationKey);

    static OperatorOverrides none() {
        return (element, key) -> Optional.empty();
    }

    /** Looks up {@link #settingName} in the given settings, such as the process environment. */
    static OperatorOverrides fromSettings(Map<String, String> settings) {
        Map<String, String> copy = Map.copyOf(settings);
        return (element, key) -> Optional.ofNullable(copy.get(settingName(element, key)));
    }

    /** {@code ELEMENTS_FACEBOOKSOCIAL_BASE_URL} for {@code facebooksocial} and {@code base.url}. */
    static String settingName(ElementKey element, String configurationKey) {
        String raw = "ELEMENTS_" + element.value() + "_" + configurationKey;
        return raw.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
