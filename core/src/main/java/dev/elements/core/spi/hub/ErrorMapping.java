package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.RetryAfter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A refusal classified by its HTTP status, unless a code in the body says more, and described by
 * the first message found in the body.
 *
 * @param byStatus the class of each status; unlisted ones are {@code TRANSIENT} from 500 and
 *     {@code BAD_REQUEST} below
 * @param messagePointers where the provider's message may be, tried in order (JSON pointers)
 * @param codePointer where the provider's own error code is; null when it has none
 * @param byCode the class of provider codes that decide over the status
 */
public record ErrorMapping(Map<Integer, ProviderErrorClass> byStatus, List<String> messagePointers,
        String codePointer, Map<String, ProviderErrorClass> byCode) implements HubErrors {

    /** What most REST APIs mean by their statuses. */
    public static final Map<Integer, ProviderErrorClass> STANDARD_STATUSES = Map.of(
            400, ProviderErrorClass.BAD_REQUEST,
            401, ProviderErrorClass.INVALID_TOKEN,
            403, ProviderErrorClass.PERMISSION,
            404, ProviderErrorClass.NOT_FOUND,
            410, ProviderErrorClass.NOT_FOUND,
            422, ProviderErrorClass.BAD_REQUEST,
            429, ProviderErrorClass.RATE_LIMITED);
    /** Where OAuth2, problem-details (RFC 9457) and common REST APIs put their message. */
    public static final List<String> STANDARD_MESSAGES = List.of("/error_description", "/detail", "/message",
            "/error/message", "/errors/0/message", "/errors/0/detail", "/title", "/error");

    public ErrorMapping {
        byStatus = Map.copyOf(byStatus);
        messagePointers = List.copyOf(messagePointers);
        byCode = Map.copyOf(requireNonNull(byCode, "byCode"));
    }

    public static ErrorMapping standard() {
        return new ErrorMapping(STANDARD_STATUSES, STANDARD_MESSAGES, null, Map.of());
    }

    @Override
    public ProviderException refusal(ProviderHttpResponse response, JsonValue body, ProviderUsage usage) {
        String code = codePointer == null ? null : body.at(codePointer).text();
        ProviderErrorClass errorClass = code != null && byCode.containsKey(code)
                ? byCode.get(code)
                : byStatus.getOrDefault(response.status(), response.status() >= 500
                        ? ProviderErrorClass.TRANSIENT
                        : ProviderErrorClass.BAD_REQUEST);
        Duration retryAfter = errorClass == ProviderErrorClass.RATE_LIMITED
                ? RetryAfter.of(response).orElse(usage == null ? null : usage.regainAccessIn())
                : null;
        String message = message(body);
        ProviderError error = new ProviderError(errorClass, message, code, retryAfter, usage);
        return message == null
                ? new ProviderException(error, "The provider answered HTTP " + response.status(), null)
                : new ProviderException(error);
    }

    private String message(JsonValue body) {
        for (String pointer : messagePointers) {
            String text = body.at(pointer).text();
            if (text != null && !text.isBlank()) {
                // Whole: the scrubber masks secrets first and shortens after, so no cut leaves half a token.
                return text;
            }
        }
        return null;
    }
}
