package dev.elements.core.fake.oauth2;

/** An RFC 6749 section 5.2 error of the token endpoint, thrown to end the request and written as its JSON answer. */
final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final boolean basicTried;

    private OAuthError(int status, String code, String description, boolean basicTried) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
        this.basicTried = basicTried;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description, false);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description, false);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description, false);
    }

    static OAuthError unauthorizedClient(String description) {
        return new OAuthError(400, "unauthorized_client", description, false);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description, false);
    }

    /** 401; with {@code WWW-Authenticate: Basic} when the client tried the Authorization header (section 5.2). */
    static OAuthError invalidClient(String description, boolean basicTried) {
        return new OAuthError(401, "invalid_client", description, basicTried);
    }

    FakeResponse toResponse() {
        FakeResponse response = FakeResponse.json(status,
                        FakeJson.object().put("error", code).put("error_description", getMessage()))
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
        return basicTried ? response.withHeader("WWW-Authenticate", "Basic realm=\"fake\"") : response;
    }
}
