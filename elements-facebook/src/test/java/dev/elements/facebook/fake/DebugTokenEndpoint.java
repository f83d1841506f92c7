package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /debug_token?input_token=…}, authenticated with the app token {@code id|secret}. Answers 200 for any
 * input token, valid or not; {@code is_valid} and {@code data.error} say what is wrong with it. Called under the
 * fake's lock.
 */
final class DebugTokenEndpoint {

    private final Credentials credentials;
    private final SocialGraph graph;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Switches switches;
    private final Observations observations;

    DebugTokenEndpoint(Credentials credentials, SocialGraph graph, Authenticator authenticator,
                       RateLimiter rateLimiter, Switches switches, Observations observations) {
        this.credentials = credentials;
        this.graph = graph;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.switches = switches;
        this.observations = observations;
    }

    FakeResponse handle(RecordedRequest request) {
        observations.debugTokenCall();
        Viewer caller = null;
        try {
            GraphError injected = switches.takeGraphFailure();
            if (injected != null) {
                throw new GraphException(injected);
            }
            caller = authenticateApp(request.accessToken());
            rateLimiter.admit(caller);
            String input = request.param("input_token");
            if (input == null || input.isBlank()) {
                throw new GraphException(GraphError.of(100, "(#100) The parameter input_token is required"));
            }
            ObjectNode body = Json.object();
            body.set("data", describe(input.trim()));
            return rateLimiter.withUsageHeaders(FakeResponse.json(200, body), caller);
        } catch (GraphException failure) {
            return rateLimiter.withUsageHeaders(FakeResponse.error(failure.error(), true), caller);
        }
    }

    /** Only an app token may inspect tokens here; anything else is a 190 error. */
    private Viewer authenticateApp(String token) {
        if (token == null) {
            throw new GraphException(GraphError.of(190,
                    "(#190) You must provide an app access token, or a user access token that is an owner or "
                            + "developer of the app"));
        }
        Optional<Credentials.AppTokenCheck> check = credentials.checkAppToken(token);
        if (check.isEmpty()) {
            throw new GraphException(GraphError.of(190,
                    "(#190) You must provide an app access token, or a user access token that is an owner or "
                            + "developer of the app"));
        }
        if (!check.get().valid()) {
            throw new GraphException(GraphError.of(190, "Invalid OAuth access token signature."));
        }
        return Authenticator.appViewer(check.get().app());
    }

    private ObjectNode describe(String input) {
        ObjectNode data = Json.object();
        Optional<Credentials.AppTokenCheck> appToken = credentials.checkAppToken(input);
        if (appToken.isPresent() && appToken.get().valid()) {
            FakeApp app = appToken.get().app();
            data.put("app_id", app.id());
            data.put("type", TokenKind.APP.name());
            data.put("application", app.applicationName());
            data.put("is_valid", true);
            data.putArray("scopes");
            return data;
        }
        Optional<IssuedToken> known = credentials.token(input);
        if (known.isEmpty()) {
            ObjectNode error = data.putObject("error");
            error.put("code", 190);
            error.put("message", "Invalid OAuth access token - Cannot parse access token");
            data.put("is_valid", false);
            data.putArray("scopes");
            return data;
        }
        IssuedToken token = known.get();
        FakeApp app = credentials.requireApp(token.appId());
        TokenStatus status = credentials.status(input);
        data.put("app_id", app.id());
        data.put("type", token.kind().name());
        data.put("application", app.applicationName());
        data.put("data_access_expires_at",
                token.issuedAt().plus(Credentials.DATA_ACCESS_LIFETIME).getEpochSecond());
        if (status == TokenStatus.EXPIRED) {
            ObjectNode error = data.putObject("error");
            error.put("code", 190);
            error.put("message", authenticator.sessionExpiredDetail(token));
            error.put("subcode", 463);
        } else if (status == TokenStatus.REVOKED) {
            ObjectNode error = data.putObject("error");
            error.put("code", 190);
            error.put("message", GraphError.appNotAuthorized(app.id()).message());
            error.put("subcode", 458);
        }
        // Page tokens derived from long-lived user tokens never expire, which debug_token reports as 0.
        data.put("expires_at", token.expiresAt() == null ? 0 : token.expiresAt().getEpochSecond());
        data.put("is_valid", status == TokenStatus.VALID);
        data.put("issued_at", token.issuedAt().getEpochSecond());
        if (token.kind() == TokenKind.PAGE) {
            data.put("profile_id", token.pageId());
        }
        ArrayNode scopes = data.putArray("scopes");
        token.scopes().forEach(scopes::add);
        ArrayNode granular = data.putArray("granular_scopes");
        List<String> pageIds = graph.pagesOwnedBy(token.userId()).stream().map(FakePage::id).toList();
        for (String scope : token.scopes()) {
            ObjectNode entry = granular.addObject();
            entry.put("scope", scope);
            // Page permissions are granted page by page; debug_token lists the pages as target_ids.
            if (scope.startsWith("pages_") && !pageIds.isEmpty()) {
                ArrayNode targets = entry.putArray("target_ids");
                pageIds.forEach(targets::add);
            }
        }
        data.put("user_id", token.userId());
        return data;
    }
}
