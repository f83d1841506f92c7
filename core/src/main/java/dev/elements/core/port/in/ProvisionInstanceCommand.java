package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ControlCharacters;
import dev.elements.core.instance.IdempotencyKeys;
import dev.elements.core.tenant.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /instances}.
 *
 * @param principal who asks
 * @param element the element's key or id, as {@code element.key} or {@code element.id} gave it
 * @param code the code from the provider's callback ({@code providerData.code})
 * @param state the {@code state} the callback carried ({@code providerData.state}); required for an
 *     element that uses PKCE, whose verifier the platform keeps under it
 * @param configuration the request's configuration values
 * @param tags labels; HTML is stripped
 * @param name the instance's name; HTML is stripped; the element's name when null
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param externalAuthentication Cloud Elements' {@code "externalAuthentication": "initial"}: no code;
 *     the application hands over the tokens it holds, {@code oauth.user.token} and optionally
 *     {@code oauth.user.refresh_token} in {@code configuration}, which the provider checks first
 *     (SAP Open Connectors, "Authenticate a Connector Instance (API)", shows the body this extends)
 */
public record ProvisionInstanceCommand(
        Principal principal,
        String element,
        String code,
        String state,
        Map<String, String> configuration,
        List<String> tags,
        String name,
        String idempotencyKey,
        boolean externalAuthentication) {

    public ProvisionInstanceCommand {
        requireNonNull(principal, "principal");
        new Validation()
                .require("element.key", element)
                .require(externalAuthentication ? "configuration.oauth.user.token" : "providerData.code",
                        externalAuthentication ? heldToken(configuration, CommonConfiguration.ACCESS_TOKEN) : code)
                .check(!externalAuthentication || code == null,
                        "providerData.code cannot come with externalAuthentication: the tokens are the authorization")
                .text("providerData.state", state, InputLimits.OAUTH_STATE)
                .text("configuration.oauth.user.token", heldToken(configuration, CommonConfiguration.ACCESS_TOKEN),
                        InputLimits.HELD_TOKEN)
                .text("configuration.oauth.user.refresh_token",
                        heldToken(configuration, CommonConfiguration.REFRESH_TOKEN), InputLimits.HELD_TOKEN)
                .check(tags == null || tags.stream().allMatch(java.util.Objects::nonNull), "tags may not contain null")
                .text("name", name, InputLimits.INSTANCE_NAME)
                .texts("tags", tags, InputLimits.TAGS, InputLimits.TAG)
                .check(idempotencyKey == null || idempotencyKey.length() <= IdempotencyKeys.MAX_LENGTH,
                        "Idempotency-Key must be at most " + IdempotencyKeys.MAX_LENGTH + " characters")
                .check(idempotencyKey == null || !ControlCharacters.in(idempotencyKey),
                        "Idempotency-Key " + ControlCharacters.PROBLEM)
                .orThrow();
        configuration = java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(configuration == null ? Map.of() : configuration));
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A command with a code from the provider's callback. */
    public ProvisionInstanceCommand(Principal principal, String element, String code, String state,
            Map<String, String> configuration, List<String> tags, String name, String idempotencyKey) {
        this(principal, element, code, state, configuration, tags, name, idempotencyKey, false);
    }

    /** A command without a {@code state}, for elements that do not use PKCE. */
    public ProvisionInstanceCommand(Principal principal, String element, String code,
            Map<String, String> configuration, List<String> tags, String name, String idempotencyKey) {
        this(principal, element, code, null, configuration, tags, name, idempotencyKey);
    }

    private static String heldToken(Map<String, String> configuration, String key) {
        return configuration == null ? null : configuration.get(key);
    }
}
