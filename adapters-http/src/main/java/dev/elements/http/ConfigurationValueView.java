package dev.elements.http;

import dev.elements.core.port.in.ConfigurationValue;

/**
 * One entry of an instance's configuration as Cloud Elements lists it: {@code {id, key, propertyValue}};
 * core has masked its secrets.
 */
record ConfigurationValueView(long id, String key, String propertyValue) {

    static ConfigurationValueView of(ConfigurationValue value) {
        return new ConfigurationValueView(value.id(), value.key(), value.propertyValue());
    }
}
