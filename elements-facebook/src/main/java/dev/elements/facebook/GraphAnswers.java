package dev.elements.facebook;

import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.CredentialScrubber;

/**
 * The two answers the plugin makes itself ({@code CustomAnswer}s); core shapes objects and lists.
 * They hold no nulls, so {@code filter.response.nulls} has nothing to remove from them.
 */
final class GraphAnswers {
    /** Cloud Elements answered 200 for every success. */
    private static final int OK = 200;

    private GraphAnswers() {
    }

    /** The token works when Graph says whose it is; that id is all the ping tells. */
    static HubResult ping(HubCall call, JsonValue body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber) {
        String id = body.path("id").isValue() ? body.path("id").text() : "";
        if (id.isEmpty()) {
            throw FacebookGraphErrors.unreadable(response, usage);
        }
        return new HubResult(OK, JsonObject.builder().put("id", id).put("status", "ok").build().toJsonBytes(), 1,
                null, usage);
    }

    /**
     * {@code {id, name, access_token}} of a page. Facebook leaves the token out when the user does not
     * manage the page; and the instance's own token (when the instance is a page's) is never handed out.
     */
    static HubResult pageToken(HubCall call, JsonValue body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber) {
        if (!body.isObject() || !body.path("id").isValue()) {
            throw FacebookGraphErrors.unreadable(response, usage);
        }
        JsonValue token = body.path("access_token");
        if (!token.isText() || token.text().isBlank() || scrubber.isSecret(token.text())) {
            throw new ProviderException(new ProviderError(ProviderErrorClass.PERMISSION, null, null, null, usage),
                    "Facebook gave no page token the instance may hand out: the user does not manage this page, "
                            + "did not grant pages_show_list, or the instance is the page's own", null);
        }
        JsonObject.Builder answer = JsonObject.builder().put("id", body.path("id").text());
        if (body.path("name").isText()) {
            answer.put("name", scrubber.scrub(body.path("name").text()));
        }
        answer.put("access_token", token.text());
        return new HubResult(OK, answer.build().toJsonBytes(), 1, null, usage);
    }
}
