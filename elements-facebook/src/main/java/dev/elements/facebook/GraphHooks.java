package dev.elements.facebook;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.json.JsonValue;
import dev.elements.core.spi.hub.HubHooks;
import dev.elements.core.spi.oauth2.OAuth2Settings;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Where Graph departs from plain REST with bearer tokens. */
final class GraphHooks implements HubHooks {
    private static final Pattern ID = Pattern.compile(FacebookFacts.ID_OR_ME_PATTERN);

    /**
     * The bearer token and its {@code appsecret_proof}: lowercase hex HMAC-SHA256 of the token keyed
     * by the app secret. With it a stolen token is useless to anyone without the secret, which is why
     * apps can require it ("Require App Secret") and why every Graph call carries it. It is no
     * secret, so it goes in the query.
     */
    @Override
    public void authenticate(HubCall call, Map<String, List<String>> query, Map<String, List<String>> headers) {
        HubHooks.super.authenticate(call, query, headers);
        String appSecret = OAuth2Settings.of(call.configuration()).clientSecret();
        byte[] proof = AppSecretSignature.of(appSecret, call.tokens().accessToken().getBytes(StandardCharsets.UTF_8));
        query.put(FacebookFacts.APP_SECRET_PROOF, List.of(HexFormat.of().formatHex(proof)));
    }

    /**
     * A path value is only ever an id: a node name ({@code debug_token}, {@code app}) would steer the
     * call, with the instance's token, to another Graph endpoint. Core has checked each resource's own
     * shape already; this is the last line, for any resource.
     */
    @Override
    public void checkPathValue(String name, String value) {
        if (value.length() > FacebookFacts.ID_MAX_LENGTH || !ID.matcher(value).matches()) {
            // The value itself stays out of the message: it is the application's input, of any length.
            throw new PlatformException(ErrorCode.INVALID_FIELD,
                    "The value of {" + name + "} in the path is not a Facebook id");
        }
    }

    /** Feeds and posts filter by {@code created_time}, through Graph's {@code since} and {@code until}. */
    @Override
    public boolean translateWhere(HubCall call, Map<String, List<String>> query) {
        if (!GraphTimeFilter.filters(call)) {
            return false;
        }
        GraphTimeFilter.translate(call, query);
        return true;
    }

    /** With {@code suppress_http_code} (which the plugin never sends) or behind some proxies, refusals come as 200. */
    @Override
    public boolean refusedDespiteSuccess(JsonValue body) {
        return body.path("error").isObject();
    }
}
