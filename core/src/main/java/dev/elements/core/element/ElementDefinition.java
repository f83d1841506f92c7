package dev.elements.core.element;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything the platform and its clients know about an element before any instance exists: its
 * metadata as {@code GET /elements/{key}} shows it, its configuration entries and its hub resources.
 *
 * @param id the element's number, unique across the platform
 * @param key the element's key, unique across the platform
 * @param name the display name
 * @param description one sentence
 * @param image address of a logo
 * @param hub the hub segment of its resources, such as {@code social}
 * @param authenticationType {@code oauth2}, {@code oauth1}, {@code basic} or {@code custom}
 * @param trialAccount whether a trial account is offered
 * @param configDescription the description shown above its configuration
 * @param signupUrl where an application developer registers with the provider
 * @param configuration the entries it understands, in display order
 * @param resources its hub operations
 * @param objects the kinds of thing its resources answer with, by name unique in the element; none
 *     when it declares none
 */
public record ElementDefinition(
        long id,
        ElementKey key,
        String name,
        String description,
        String image,
        String hub,
        String authenticationType,
        boolean trialAccount,
        String configDescription,
        String signupUrl,
        List<ConfigurationEntry> configuration,
        List<ResourceDefinition> resources,
        List<ObjectDefinition> objects) {

    public ElementDefinition {
        requireNonNull(key, "key");
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        requireNonNull(image, "image");
        requireNonNull(hub, "hub");
        requireNonNull(authenticationType, "authenticationType");
        requireNonNull(configDescription, "configDescription");
        requireNonNull(signupUrl, "signupUrl");
        configuration = List.copyOf(configuration);
        resources = List.copyOf(resources);
        objects = List.copyOf(objects);
        if (id <= 0) {
            throw new IllegalArgumentException("An element id is a positive number: " + id);
        }
        Set<String> keys = new HashSet<>();
        Map<Long, String> ids = new HashMap<>();
        for (ConfigurationEntry entry : configuration) {
            if (!keys.add(entry.key())) {
                throw new IllegalArgumentException(key + " declares configuration key " + entry.key() + " twice");
            }
            String clash = ids.putIfAbsent(entry.id(), entry.key());
            if (clash != null) {
                throw new IllegalArgumentException(key + ": configuration keys " + clash + " and " + entry.key()
                        + " have the same id; rename one");
            }
        }
        Set<String> objectNames = new HashSet<>();
        for (ObjectDefinition object : objects) {
            if (!objectNames.add(object.name())) {
                throw new IllegalArgumentException(key + " declares object " + object.name() + " twice");
            }
        }
    }

    /** An element that declares no objects. */
    public ElementDefinition(long id, ElementKey key, String name, String description, String image, String hub,
            String authenticationType, boolean trialAccount, String configDescription, String signupUrl,
            List<ConfigurationEntry> configuration, List<ResourceDefinition> resources) {
        this(id, key, name, description, image, hub, authenticationType, trialAccount, configDescription, signupUrl,
                configuration, resources, List.of());
    }

    public boolean typeOauth() {
        return authenticationType.startsWith("oauth");
    }

    public Optional<ConfigurationEntry> entry(String configurationKey) {
        return configuration.stream().filter(entry -> entry.key().equals(configurationKey)).findFirst();
    }

    public Optional<ObjectDefinition> object(String objectName) {
        return objects.stream().filter(object -> object.name().equals(objectName)).findFirst();
    }

    public Optional<ConfigurationEntry> entryById(long entryId) {
        return configuration.stream().filter(entry -> entry.id() == entryId).findFirst();
    }

    /** The value of each entry that has a default, keyed by configuration key, in display order. */
    public Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (ConfigurationEntry entry : configuration) {
            if (entry.defaultValue() != null) {
                defaults.put(entry.key(), entry.defaultValue());
            }
        }
        return defaults;
    }

    /** This definition with {@code extra} entries appended where it does not declare the key itself. */
    public ElementDefinition withEntriesIfAbsent(List<ConfigurationEntry> extra) {
        List<ConfigurationEntry> merged = new ArrayList<>(configuration);
        for (ConfigurationEntry entry : extra) {
            if (entry(entry.key()).isEmpty()) {
                merged.add(entry);
            }
        }
        return withConfiguration(merged);
    }

    /** This definition with each entry replaced by what {@code change} makes of it. */
    public ElementDefinition mapEntries(UnaryOperator<ConfigurationEntry> change) {
        return withConfiguration(configuration.stream().map(change).toList());
    }

    private ElementDefinition withConfiguration(List<ConfigurationEntry> entries) {
        return new ElementDefinition(id, key, name, description, image, hub, authenticationType, trialAccount,
                configDescription, signupUrl, entries, resources, objects);
    }
}
