package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

/**
 * One entry of {@code GET /instances/{id}/configuration}.
 *
 * @param id the entry's id, stable per key
 * @param key the configuration key
 * @param propertyValue its effective value, {@link InstanceDescription#MASK} for secrets, null when unset
 */
public record ConfigurationValue(long id, String key, String propertyValue) {
    public ConfigurationValue {
        requireNonNull(key, "key");
    }
}
