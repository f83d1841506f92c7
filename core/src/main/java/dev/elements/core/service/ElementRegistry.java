package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.spi.ElementProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The elements this platform offers. Built once at start-up from the plugins found by the host;
 * refuses to start with none, or with two plugins claiming one key or id, because either would
 * leave clients talking to the wrong connector.
 */
public final class ElementRegistry {
    private static final System.Logger LOG = System.getLogger(ElementRegistry.class.getName());

    private final Map<ElementKey, RegisteredElement> byKey;
    private final Map<Long, RegisteredElement> byId;

    public ElementRegistry(Iterable<? extends ElementProvider> providers, OperatorOverrides overrides) {
        requireNonNull(providers, "providers");
        requireNonNull(overrides, "overrides");
        Map<ElementKey, RegisteredElement> keys = new LinkedHashMap<>();
        Map<Long, RegisteredElement> ids = new HashMap<>();
        for (ElementProvider provider : providers) {
            ElementDefinition definition = complete(provider.definition(), overrides);
            RegisteredElement element = new RegisteredElement(definition, provider);
            RegisteredElement sameKey = keys.putIfAbsent(definition.key(), element);
            if (sameKey != null) {
                throw new IllegalStateException("Two element plugins claim the key " + definition.key() + ": "
                        + sameKey.provider().getClass().getName() + " and " + provider.getClass().getName());
            }
            RegisteredElement sameId = ids.putIfAbsent(definition.id(), element);
            if (sameId != null) {
                throw new IllegalStateException("Element plugins " + sameId.key() + " and " + definition.key()
                        + " claim the same id " + definition.id());
            }
            LOG.log(Level.INFO, "Registered element {0} (id {1}, hub {2}) from {3}", definition.key(),
                    definition.id(), definition.hub(), provider.getClass().getName());
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(
                    "No element plugins were found; put at least one on the class path (see ElementProvider)");
        }
        this.byKey = Collections.unmodifiableMap(keys);
        this.byId = Map.copyOf(ids);
    }

    private static ElementDefinition complete(ElementDefinition declared, OperatorOverrides overrides) {
        return declared.withEntriesIfAbsent(CommonConfiguration.ENTRIES)
                .mapEntries(CommonConfiguration::withCommonRange)
                .mapEntries(entry -> overrides.valueFor(declared.key(), entry.key())
                        .map(value -> overridden(declared.key(), entry, value))
                        .orElse(entry));
    }

    /** An operator's default is held to the entry's own rules, so that no instance inherits a bad one. */
    private static ConfigurationEntry overridden(ElementKey element, ConfigurationEntry entry, String value) {
        entry.problemWith(value).ifPresent(problem -> {
            throw new IllegalStateException("The operator setting " + OperatorOverrides.settingName(element,
                    entry.key()) + " is not a valid default: " + problem);
        });
        return entry.withDefaultValue(value);
    }

    public List<RegisteredElement> all() {
        return new ArrayList<>(byKey.values());
    }

    /** Finds an element by key, or by id when the reference is a number, as Cloud Elements routes do. */
    public Optional<RegisteredElement> find(String keyOrId) {
        if (keyOrId == null || keyOrId.isBlank()) {
            return Optional.empty();
        }
        if (keyOrId.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.ofNullable(byId.get(Long.parseLong(keyOrId)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return byKey.entrySet().stream()
                .filter(entry -> entry.getKey().value().equals(keyOrId))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<RegisteredElement> find(ElementKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The element of a stored instance. Its plugin may have been removed since; that is the
     * operator's doing, not the caller's, so it is an internal error.
     */
    public RegisteredElement installed(ElementKey key) {
        return find(key).orElseThrow(() -> new PlatformException(ErrorCode.INTERNAL_ERROR,
                "Element " + key + " is not installed; put its plugin back on the class path"));
    }

    public Optional<RegisteredElement> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }
}
