package dev.elements.core.service;

import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationScope;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which configuration a request may set, and splits what it sets into plain values and
 * secrets. Refusals name every offending key at once, so a client fixes its request in one go.
 */
final class ConfigurationPolicy {

    /** A request's configuration after checking: plain values, secret values and the effective whole. */
    record Accepted(Map<String, String> plain, Map<String, String> secret, Configuration effective) {
    }

    /**
     * Checks {@code requested} against the element and layers it over the element's defaults.
     *
     * @param shown the configuration as the client could have read it (masked); a value the
     *     request may not set is ignored when it equals what is shown, so a client can send back
     *     what it read
     * @param previousPlain values already stored (an update), or empty (a new instance)
     * @param previousSecret secret values already stored, or empty
     */
    Accepted accept(ElementDefinition element, Map<String, String> requested, Map<String, String> shown,
            Map<String, String> previousPlain, Map<String, String> previousSecret) {
        List<String> unknown = new ArrayList<>();
        List<String> locked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> plain = new LinkedHashMap<>(previousPlain);
        Map<String, String> secret = new LinkedHashMap<>(previousSecret);
        for (Map.Entry<String, String> value : requested.entrySet()) {
            Optional<ConfigurationEntry> entry = element.entry(value.getKey());
            if (entry.isEmpty()) {
                unknown.add(value.getKey());
            } else if (entry.get().scope() != ConfigurationScope.INSTANCE) {
                if (!java.util.Objects.equals(value.getValue(), shown.get(value.getKey()))) {
                    locked.add(value.getKey());
                }
            } else if (value.getValue() == null || value.getValue().isEmpty()) {
                plain.remove(value.getKey());
                secret.remove(value.getKey());
            } else {
                entry.get().problemWith(value.getValue()).ifPresent(problems::add);
                (entry.get().secret() ? secret : plain).put(value.getKey(), value.getValue());
            }
        }
        if (!unknown.isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_CONFIGURATION, "Unknown configuration "
                    + plural(unknown, "key") + " for element " + element.key() + ": " + RequestValues.list(unknown));
        }
        if (!locked.isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_CONFIGURATION, "Configuration "
                    + plural(locked, "key") + " " + RequestValues.list(locked)
                    + " cannot be set by a request: endpoint addresses are set by the operator and credentials"
                    + " by the platform");
        }
        Configuration effective = Configuration.layered(element.defaults(), plain, secret);
        List<String> missing = element.configuration().stream()
                .filter(ConfigurationEntry::required)
                .map(ConfigurationEntry::key)
                .filter(key -> effective.get(key).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            throw new PlatformException(ErrorCode.MISSING_CONFIGURATION,
                    "Missing required configuration: " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_CONFIGURATION,
                    "Invalid configuration: " + String.join("; ", problems));
        }
        return new Accepted(plain, secret, effective);
    }

    /**
     * The effective configuration of a stored instance, secrets included: what the provider is
     * given. Defaults are not stored with the instance, so changed defaults apply to it.
     */
    static Configuration effective(ElementDefinition element, Instance instance, InstanceSecrets secrets) {
        return Configuration.layered(element.defaults(), instance.configuration(), secrets.secretConfiguration());
    }

    private static String plural(List<String> items, String noun) {
        return items.size() == 1 ? noun : noun + "s";
    }
}
