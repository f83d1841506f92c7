package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps credentials out of what goes back to the application. Graph answers can carry them in three
 * places: {@code access_token} members (a page's token in {@code /me/accounts}, also when asked for
 * as a nested field), the {@code next} and {@code previous} URLs of every {@code paging} block (they
 * embed the caller's token), and, in principle, any text that repeats the token or the app secret.
 */
final class CredentialScrubber {
    static final String MASK = "********";
    private static final String ACCESS_TOKEN = "access_token";
    private static final String PAGING = "paging";
    private static final Set<String> PAGING_URLS = Set.of("next", "previous");

    private final List<String> secrets;

    /** @param secrets the instance's access token and the app secret; null or blank ones are skipped */
    CredentialScrubber(String... secrets) {
        List<String> kept = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                kept.add(secret);
            }
        }
        this.secrets = List.copyOf(kept);
    }

    /** A copy of the JSON without access tokens, paging URLs or secrets. */
    JsonNode scrub(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (name.equals(ACCESS_TOKEN)) {
                    continue;
                }
                copy.set(name, name.equals(PAGING) && value.isObject() ? pagingWithoutUrls(value) : scrub(value));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(scrub(item)));
            return copy;
        }
        if (node.isTextual()) {
            String text = node.asText();
            String scrubbed = scrub(text);
            return scrubbed.equals(text) ? node : TextNode.valueOf(scrubbed);
        }
        return node;
    }

    /** The text with every secret masked. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, MASK);
        }
        return scrubbed;
    }

    boolean isSecret(String text) {
        return secrets.contains(text);
    }

    /** The same refusal, with any secret masked in Facebook's words and in the description. */
    ProviderException scrub(ProviderException failure) {
        ProviderError error = failure.error();
        String message = scrub(error.providerMessage());
        String description = scrub(failure.getMessage());
        if (Objects.equals(message, error.providerMessage())
                && Objects.equals(description, failure.getMessage())) {
            return failure;
        }
        // The cause is dropped too: its message may repeat what was just masked.
        return new ProviderException(new ProviderError(error.errorClass(), message, error.providerCode(),
                error.retryAfter(), error.usage()), description, null);
    }

    /** A paging block keeps its cursors, which are opaque, and loses the URLs, which carry the token. */
    private JsonNode pagingWithoutUrls(JsonNode paging) {
        ObjectNode copy = Json.MAPPER.createObjectNode();
        paging.properties().forEach(field -> {
            if (!PAGING_URLS.contains(field.getKey())) {
                copy.set(field.getKey(), scrub(field.getValue()));
            }
        });
        return copy;
    }
}
