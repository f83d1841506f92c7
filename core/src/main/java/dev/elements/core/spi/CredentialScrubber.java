package dev.elements.core.spi;

import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonString;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps credentials out of what goes back to the application: members that hold tokens by name
 * are left out of answers, and any text repeating one of the call's secrets (the instance's token,
 * the application's secret, a code) is masked, in answers and in the provider's error messages.
 */
public final class CredentialScrubber {
    public static final String MASK = "********";
    /** The most of a provider's message kept: enough to explain, too little to flood logs and answers. */
    public static final int LONGEST_MESSAGE = 500;
    /** Members that carry credentials in OAuth2 providers' answers. */
    public static final Set<String> TOKEN_MEMBERS = Set.of("access_token", "refresh_token", "id_token",
            "client_secret");

    private final List<String> secrets;
    private final Set<String> droppedMembers;

    private CredentialScrubber(List<String> secrets, Set<String> droppedMembers) {
        this.secrets = List.copyOf(secrets);
        this.droppedMembers = Set.copyOf(droppedMembers);
    }

    /** @param secrets the call's secrets; null or blank ones are skipped */
    public static CredentialScrubber of(String... secrets) {
        List<String> kept = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                kept.add(secret);
            }
        }
        return new CredentialScrubber(kept, TOKEN_MEMBERS);
    }

    /**
     * The same scrubber, also leaving out members with these names, at any depth. A name
     * {@code outer/inner} leaves out {@code inner} only from an object that is the value of a member
     * {@code outer}: Facebook's {@code paging/next} is a URL carrying the token, while a {@code next}
     * elsewhere may be the application's data.
     */
    public CredentialScrubber dropping(Set<String> memberNames) {
        Set<String> dropped = new HashSet<>(droppedMembers);
        dropped.addAll(memberNames);
        return new CredentialScrubber(secrets, dropped);
    }

    /** A copy of the JSON without token members and with every secret masked. */
    public JsonValue scrub(JsonValue value) {
        return scrub(value, null);
    }

    /** @param holder the name of the member whose value this is; null at the top and in arrays */
    private JsonValue scrub(JsonValue value, String holder) {
        if (value instanceof JsonObject object) {
            Map<String, JsonValue> kept = new LinkedHashMap<>();
            object.members().forEach((name, member) -> {
                boolean dropped = droppedMembers.contains(name)
                        || holder != null && droppedMembers.contains(holder + "/" + name);
                if (!dropped) {
                    kept.put(name, scrub(member, name));
                }
            });
            return JsonObject.of(kept);
        }
        if (value instanceof JsonArray array) {
            return JsonArray.of(array.items().stream().map(this::scrub).toList());
        }
        if (value instanceof JsonString string && !secrets.isEmpty()) {
            String scrubbed = scrub(string.value());
            return scrubbed.equals(string.value()) ? string : new JsonString(scrubbed);
        }
        return value;
    }

    /** The text with every secret masked. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, MASK);
        }
        return scrubbed;
    }

    private static String shortened(String text) {
        return text == null || text.length() <= LONGEST_MESSAGE ? text : text.substring(0, LONGEST_MESSAGE);
    }

    public boolean isSecret(String text) {
        return secrets.contains(text);
    }

    /**
     * The same refusal, with any secret masked in the provider's words and in the description, and
     * the provider's words then cut to {@value #LONGEST_MESSAGE} characters: masked first, so that a
     * cut cannot leave part of a token unmasked.
     */
    public ProviderException scrub(ProviderException failure) {
        ProviderError error = failure.error();
        String message = shortened(scrub(error.providerMessage()));
        String description = scrub(failure.getMessage());
        if (Objects.equals(message, error.providerMessage()) && Objects.equals(description, failure.getMessage())) {
            return failure;
        }
        // The cause is dropped too: its message may repeat what was just masked.
        return new ProviderException(new ProviderError(error.errorClass(), message, error.providerCode(),
                error.retryAfter(), error.usage()), description, null);
    }
}
