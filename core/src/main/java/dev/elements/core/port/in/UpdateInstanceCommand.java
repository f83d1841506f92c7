package dev.elements.core.port.in;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /instances/{id}} ({@code replace}) or {@code PATCH /instances/{id}}.
 *
 * <p>Either way, what the body does not name (name, tags, configuration) is kept, as Cloud Elements'
 * own example of a {@code PUT} that sends only {@code {name, tags}} expects; tags given are replaced,
 * never merged. With {@code replace}, a configuration given replaces every value the application set
 * before; without it, its values are merged into them. Either way a
 * configuration value of {@link InstanceDescription#MASK} keeps the stored secret, so a client can
 * send back what it read.
 *
 * @param replace {@code PUT} semantics
 * @param name the new name, or null
 * @param tags the new tags, or null
 * @param configuration values to set, or null
 * @param code a code from a new login, to re-authorize; or null
 * @param state the {@code state} that login's callback carried ({@code providerData.state}); required
 *     with a code for an element that uses PKCE
 * @param element the element the body names, or null; it must be the instance's own
 */
public record UpdateInstanceCommand(boolean replace, String name, List<String> tags, Map<String, String> configuration,
        String code, String state, String element) {

    public UpdateInstanceCommand {
        new Validation()
                .check(code == null || !code.isBlank(), "providerData.code may not be blank")
                .text("providerData.state", state, InputLimits.OAUTH_STATE)
                .check(tags == null || tags.stream().allMatch(java.util.Objects::nonNull), "tags may not contain null")
                .text("name", name, InputLimits.INSTANCE_NAME)
                .texts("tags", tags, InputLimits.TAGS, InputLimits.TAG)
                .orThrow();
        tags = tags == null ? null : List.copyOf(tags);
        configuration = configuration == null
                ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    }

    /** A command without a {@code state}, for elements that do not use PKCE. */
    public UpdateInstanceCommand(boolean replace, String name, List<String> tags, Map<String, String> configuration,
            String code, String element) {
        this(replace, name, tags, configuration, code, null, element);
    }
}
