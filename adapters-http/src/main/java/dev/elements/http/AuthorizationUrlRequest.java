package dev.elements.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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

    /** The body's fields; {@code apiSecret} is type-checked in binding, then never used or echoed. */
    @JsonCreator
    static AuthorizationUrlRequest fromBody(@JsonProperty("apiKey") String apiKey,
            @JsonProperty("apiSecret") String apiSecret, @JsonProperty("callbackUrl") String callbackUrl,
            @JsonProperty("scope") String scope, @JsonProperty("state") String state) {
        return new AuthorizationUrlRequest(apiKey, callbackUrl, scope, state);
    }

    GetAuthorizationUrlCommand command(String element) {
        return new GetAuthorizationUrlCommand(element, apiKey, callbackUrl, scope, state);
    }
}
