package dev.elements.http;

import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.port.in.ConfigurationValue;
import dev.elements.core.port.in.InstanceDescription;

/** One entry of an instance's configuration as Cloud Elements lists it: {@code {id, key, propertyValue}}. */
record ConfigurationValueView(long id, String key, String propertyValue) {

    /** Core masks secrets already; masking again here keeps a slip there from reaching a client. */
    static ConfigurationValueView of(ConfigurationValue value, ElementDefinition element) {
        boolean secret = element.entry(value.key()).map(ConfigurationEntry::secret).orElse(false);
        String shown = secret && value.propertyValue() != null ? InstanceDescription.MASK : value.propertyValue();
        return new ConfigurationValueView(value.id(), value.key(), shown);
    }
}
