package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Shapes a successful Graph answer for the application: the items of a connection without
 * Facebook's envelope, an object without tokens, the ping and the page token; without null members
 * when the call says so ({@link dev.elements.core.hub.HubCall#removeNulls()}). Anything that is not
 * what the resource should answer is an outage ({@code TRANSIENT}), because passing it on would hand
 * the application whatever a broken proxy or a changed API sent.
 */
final class GraphAnswers {
    /** Cloud Elements answered 200 for every success, creates and deletes included. */
    private static final int OK = 200;

    private GraphAnswers() {
    }

    static HubResult shape(GraphOperation operation, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber, boolean removeNulls) {
        JsonNode body = Json.read(response.body()).orElseThrow(() -> FacebookGraphErrors.unreadable(response, usage));
        // With suppress_http_code (which the plugin never sends) or behind some proxies, refusals come as 200.
        if (body.path("error").isObject()) {
            throw FacebookGraphErrors.fromGraphCall(response, usage);
        }
        return switch (operation.answer()) {
            case LIST -> list(body, response, usage, scrubber, removeNulls);
            case OBJECT -> object(operation, body, response, usage, scrubber, removeNulls);
            case PING -> ping(body, response, usage);
            case PAGE_TOKEN -> pageToken(body, response, usage, scrubber);
        };
    }

    /** {@code {"data":[...],"paging":{...}}} → the array, and where the next page starts. */
    private static HubResult list(JsonNode body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber, boolean removeNulls) {
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) {
            throw FacebookGraphErrors.unreadable(response, usage);
        }
        JsonNode items = filtered(scrubber.scrub(data), removeNulls);
        return new HubResult(OK, bytes(items), items.size(), GraphCursor.next(body.get("paging")), usage);
    }

    private static HubResult object(GraphOperation operation, JsonNode body, ProviderHttpResponse response,
            ProviderUsage usage, CredentialScrubber scrubber, boolean removeNulls) {
        if (body.isBoolean() && body.asBoolean() && !operation.resource().vendorMethod().equals("GET")) {
            // Older Graph versions answered a bare true to deletes and likes.
            ObjectNode success = Json.MAPPER.createObjectNode().put("success", true);
            return new HubResult(OK, bytes(success), 1, null, usage);
        }
        if (!body.isObject()) {
            throw FacebookGraphErrors.unreadable(response, usage);
        }
        return new HubResult(OK, bytes(filtered(scrubber.scrub(body), removeNulls)), 1, null, usage);
    }

    /** The token works when Graph says whose it is; that id is all the ping tells. */
    private static HubResult ping(JsonNode body, ProviderHttpResponse response, ProviderUsage usage) {
        String id = body.path("id").asText("");
        if (!body.path("id").isValueNode() || id.isEmpty()) {
            throw FacebookGraphErrors.unreadable(response, usage);
        }
        ObjectNode answer = Json.MAPPER.createObjectNode().put("id", id).put("status", "ok");
        return new HubResult(OK, bytes(answer), 1, null, usage);
    }

    /**
     * {@code {id, name, access_token}} of a page. Facebook leaves the token out when the user does not
     * manage the page; and the instance's own token (when the instance is a page's) is never handed out.
     */
    private static HubResult pageToken(JsonNode body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber) {
        if (!body.isObject() || !body.path("id").isValueNode()) {
            throw FacebookGraphErrors.unreadable(response, usage);
        }
        JsonNode token = body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank() || scrubber.isSecret(token.asText())) {
            throw new ProviderException(new ProviderError(ProviderErrorClass.PERMISSION, null, null, null, usage),
                    "Facebook gave no page token the instance may hand out: the user does not manage this page, "
                            + "did not grant pages_show_list, or the instance is the page's own", null);
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("id", body.path("id").asText());
        if (body.path("name").isTextual()) {
            answer.put("name", scrubber.scrub(body.path("name").asText()));
        }
        answer.put("access_token", token.asText());
        return new HubResult(OK, bytes(answer), 1, null, usage);
    }

    /** The ping and the page token are built here and hold no nulls; Facebook's own answers may. */
    private static JsonNode filtered(JsonNode answer, boolean removeNulls) {
        return removeNulls ? Json.withoutNullMembers(answer) : answer;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return Json.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("A JSON tree always serializes", e);
        }
    }
}
