package dev.elements.facebook.fake;

import dev.elements.core.fake.oauth2.FakeClock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides who a Graph call speaks for, with Facebook's errors when it cannot: code 190 (and its subcodes) for bad
 * tokens, code 100 for a missing or wrong {@code appsecret_proof}. Used under the fake's lock.
 */
final class Authenticator {

    /** Facebook words expiry in Pacific time: "Session has expired on Thursday, 03-Dec-15 01:00:00 PST." */
    private static final DateTimeFormatter PACIFIC_TIME = DateTimeFormatter
            .ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US)
            .withZone(ZoneId.of("America/Los_Angeles"));

    private final Credentials credentials;
    private final FakeClock clock;

    Authenticator(Credentials credentials, FakeClock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The viewer of a Graph call; throws the Graph error Facebook would send instead. */
    Viewer viewer(RecordedRequest request) {
        String token = request.accessToken();
        if (token == null) {
            throw new GraphException(GraphError.of(2500,
                    "An active access token must be used to query information about the current user."));
        }
        Optional<Credentials.AppTokenCheck> appToken = credentials.checkAppToken(token);
        if (appToken.isPresent()) {
            if (!appToken.get().valid()) {
                throw new GraphException(GraphError.of(190, "Invalid OAuth access token signature."));
            }
            return appViewer(appToken.get().app());
        }
        IssuedToken issued = usableToken(token);
        FakeApp app = credentials.requireApp(issued.appId());
        checkAppSecretProof(request, token, app);
        return new Viewer(issued, app);
    }

    /** The viewer of a call made with the app token {@code id|secret}. */
    static Viewer appViewer(FakeApp app) {
        IssuedToken token = new IssuedToken(app.appToken(), TokenKind.APP, app.id(), null, null, List.of(),
                List.of(), Instant.EPOCH, null);
        return new Viewer(token, app);
    }

    /** A user or page token that works now, or the 190 error saying why not. */
    IssuedToken usableToken(String token) {
        TokenStatus status = credentials.status(token);
        if (status == TokenStatus.VALID) {
            return credentials.token(token).orElseThrow();
        }
        throw new GraphException(errorFor(status, credentials.token(token).orElse(null)));
    }

    GraphError errorFor(TokenStatus status, IssuedToken token) {
        return switch (status) {
            case UNKNOWN -> GraphError.invalidToken();
            case REVOKED -> GraphError.appNotAuthorized(token.appId());
            case EXPIRED -> GraphError.expiredToken().withMessage(sessionExpiredMessage(token));
            case VALID -> throw new IllegalArgumentException("A valid token has no error");
        };
    }

    /** The message of a 190/463 error, naming the expiry and the current time as Facebook does. */
    String sessionExpiredMessage(IssuedToken token) {
        return "Error validating access token: " + sessionExpiredDetail(token);
    }

    /** The part of the expiry message {@code /debug_token} repeats in {@code data.error.message}. */
    String sessionExpiredDetail(IssuedToken token) {
        return "Session has expired on " + PACIFIC_TIME.format(token.expiresAt()) + ". The current time is "
                + PACIFIC_TIME.format(clock.now()) + ".";
    }

    /**
     * Checks {@code appsecret_proof}: when present it must match, in the classic or the timed form; when absent it is
     * an error only for apps with "Require App Secret" on.
     */
    private void checkAppSecretProof(RecordedRequest request, String token, FakeApp app) {
        String proof = request.param("appsecret_proof");
        if (proof == null || proof.isBlank()) {
            if (credentials.requiresAppSecretProof(app.id())) {
                throw new GraphException(new GraphError(400, 100, null, GraphError.GRAPH_METHOD_EXCEPTION,
                        "API calls from the server require an appsecret_proof argument", false));
            }
            return;
        }
        String time = request.param("appsecret_time");
        String signed = time == null || time.isBlank() ? token : token + "|" + time.trim();
        if (!Hmac.sameText(Hmac.sha256Hex(app.secret(), signed), proof.trim().toLowerCase(Locale.ROOT))) {
            throw new GraphException(new GraphError(400, 100, null, GraphError.GRAPH_METHOD_EXCEPTION,
                    "Invalid appsecret_proof provided in the API argument", false));
        }
    }
}
