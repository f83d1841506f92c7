package dev.elements.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import io.javalin.http.Context;

/**
 * The fields of {@code /elements/{keyOrId}/oauth/url}, from the query (GET) or a JSON body (POST).
 * {@code apiSecret} is accepted for Cloud Elements compatibility and dropped on the spot.
 */
record AuthorizationUrlRequest(String apiKey, String callbackUrl, String scope, String state) {

    static AuthorizationUrlRequest fromQuery(Context ctx) {
        return new AuthorizationUrlRequest(ctx.queryParam("apiKey"), ctx.queryParam("callbackUrl"),
                ctx.queryParam("scope"), ctx.queryParam("state"));
    }

    /** @throws dev.elements.core.error.PlatformException (400) naming every field of a wrong type */
    static AuthorizationUrlRequest fromBody(ObjectNode body) {
        JsonFields fields = new JsonFields();
        String apiKey = fields.string(body, "apiKey", "apiKey");
        fields.string(body, "apiSecret", "apiSecret"); // type-checked only; never used or echoed
        String callbackUrl = fields.string(body, "callbackUrl", "callbackUrl");
        String scope = fields.string(body, "scope", "scope");
        String state = fields.string(body, "state", "state");
        fields.orThrow();
        return new AuthorizationUrlRequest(apiKey, callbackUrl, scope, state);
    }

    GetAuthorizationUrlCommand command(String element) {
        return new GetAuthorizationUrlCommand(element, apiKey, callbackUrl, scope, state);
    }
}
