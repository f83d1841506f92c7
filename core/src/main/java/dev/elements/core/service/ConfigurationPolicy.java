package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CallbackUrls;
import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ControlCharacters;
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
 *
 * <p>Keys the element does not declare are kept as plain values, as Cloud Elements kept them (SAP
 * Open Connectors, "Authenticate a Connector Instance (API)": the {@code configuration} passes
 * whatever the connector and the application need); only addresses stay the operator's, whether
 * the element declares them or not.
 */
final class ConfigurationPolicy {
    /** The longest undeclared key taken; a key is a name, not a place for data. */
    static final int MAX_UNDECLARED_KEY_LENGTH = 255;

    private final CallbackAddresses callbacks;

    /** @param callbacks which event callback addresses may be set */
    ConfigurationPolicy(CallbackAddresses callbacks) {
        this.callbacks = requireNonNull(callbacks, "callbacks");
    }

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
        List<String> badKeys = new ArrayList<>();
        List<String> locked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> plain = new LinkedHashMap<>(previousPlain);
        Map<String, String> secret = new LinkedHashMap<>(previousSecret);
        for (Map.Entry<String, String> requestedValue : requested.entrySet()) {
            String key = requestedValue.getKey();
            String value = key.equals(CommonConfiguration.OAUTH_CALLBACK_URL)
                    ? CallbackUrls.completed(requestedValue.getValue())
                    : requestedValue.getValue();
            Optional<ConfigurationEntry> entry = element.entry(key);
            if (entry.isEmpty() && isAddress(key)) {
                locked.add(key);
            } else if (entry.isEmpty() && !acceptableUndeclaredKey(key)) {
                badKeys.add(key);
            } else if (entry.isEmpty()) {
                accept(ConfigurationEntry.undeclared(key), value, plain, secret, problems);
            } else if (entry.get().scope() != ConfigurationScope.INSTANCE) {
                if (!java.util.Objects.equals(value, shown.get(key))) {
                    locked.add(key);
                }
            } else {
                accept(entry.get(), value, plain, secret, problems);
            }
            if (key.equals(CommonConfiguration.EVENT_CALLBACK_URL) && value != null && !value.isEmpty()) {
                callbacks.problemWith(value).ifPresent(problem -> problems.add(key + " " + problem));
            }
        }
        if (!badKeys.isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_CONFIGURATION, "Configuration "
                    + plural(badKeys, "key") + " " + RequestValues.list(badKeys) + " must be at most "
                    + MAX_UNDECLARED_KEY_LENGTH + " characters without control characters");
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

    /** Sets or (with no value) clears one value the request may set. */
    private static void accept(ConfigurationEntry entry, String value, Map<String, String> plain,
            Map<String, String> secret, List<String> problems) {
        if (value == null || value.isEmpty()) {
            plain.remove(entry.key());
            secret.remove(entry.key());
            return;
        }
        entry.problemWith(value).ifPresent(problems::add);
        (entry.secret() ? secret : plain).put(entry.key(), value);
    }

    /**
     * The keys through which an element would call somewhere: {@code base.url} and every
     * {@code oauth.*.url}. An element that does not declare one today may read it tomorrow, so a
     * request never sets one, declared or not.
     */
    static boolean isAddress(String key) {
        return key.equals(CommonConfiguration.BASE_URL) || (key.startsWith("oauth.") && key.endsWith(".url"));
    }

    private static boolean acceptableUndeclaredKey(String key) {
        return !key.isBlank() && key.length() <= MAX_UNDECLARED_KEY_LENGTH && !ControlCharacters.in(key);
    }

    /** The entry of {@code key}: the element's own, or the one every undeclared key gets. */
    static ConfigurationEntry entryOf(ElementDefinition element, String key) {
        return element.entry(key).orElseGet(() -> ConfigurationEntry.undeclared(key));
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
