package dev.elements.facebook.fake;

import java.util.Objects;

/**
 * A Graph API error as Facebook sends it: {@code {"error":{"message","type","code","error_subcode","is_transient",
 * "fbtrace_id"}}} with an HTTP status. Clients must branch on {@link #code()}, not on the status, because Facebook
 * uses 400 for most errors whatever their cause; the helpers below use the statuses Facebook is seen to send.
 *
 * @param httpStatus the HTTP status of the response
 * @param code {@code error.code}, the error class
 * @param subcode {@code error.error_subcode}, or {@code null} when Facebook sends none
 * @param type {@code error.type}, e.g. {@code OAuthException} or {@code GraphMethodException}
 * @param message {@code error.message}, usually prefixed with {@code (#code)}
 * @param isTransient {@code error.is_transient}: whether retrying later may succeed
 */
public record GraphError(int httpStatus, int code, Integer subcode, String type, String message, boolean isTransient) {

    static final String OAUTH_EXCEPTION = "OAuthException";
    static final String GRAPH_METHOD_EXCEPTION = "GraphMethodException";

    public GraphError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /** Any error, with status 400 and type {@code OAuthException}, Facebook's most common combination. */
    public static GraphError of(int code, String message) {
        return new GraphError(400, code, null, OAUTH_EXCEPTION, message, false);
    }

    /** Code 190 without subcode: a token Facebook cannot parse or does not know. */
    public static GraphError invalidToken() {
        return of(190, "Invalid OAuth access token - Cannot parse access token");
    }

    /** Code 190, subcode 463: the token has expired. */
    public static GraphError expiredToken() {
        return new GraphError(400, 190, 463, OAUTH_EXCEPTION,
                "Error validating access token: Session has expired on Thursday, 03-Dec-15 01:00:00 PST. "
                        + "The current time is Thursday, 03-Dec-15 02:00:00 PST.", false);
    }

    /** Code 190, subcode 458: the user removed the app. */
    public static GraphError appNotAuthorized(String appId) {
        return new GraphError(400, 190, 458, OAUTH_EXCEPTION,
                "Error validating access token: The user has not authorized application " + appId + ".", false);
    }

    /** Code 190, subcode 460: the user changed their password, which invalidates their sessions. */
    public static GraphError passwordChanged() {
        return new GraphError(400, 190, 460, OAUTH_EXCEPTION,
                "Error validating access token: The session has been invalidated because the user changed their "
                        + "password or Facebook has changed the session for security reasons.", false);
    }

    /** Code 4: the app used up its hourly call budget. */
    public static GraphError applicationRequestLimit() {
        return new GraphError(403, 4, null, OAUTH_EXCEPTION, "(#4) Application request limit reached", true);
    }

    /** Code 17: the user's call budget across apps is used up. */
    public static GraphError userRequestLimit() {
        return new GraphError(403, 17, null, OAUTH_EXCEPTION, "(#17) User request limit reached", true);
    }

    /** Code 32: the page's call budget is used up. */
    public static GraphError pageRequestLimit() {
        return new GraphError(403, 32, null, OAUTH_EXCEPTION, "(#32) Page request limit reached", true);
    }

    /** Code 613: a per-endpoint rate limit. */
    public static GraphError customRateLimit() {
        return new GraphError(403, 613, null, OAUTH_EXCEPTION,
                "(#613) Calls to this api have exceeded the rate limit.", true);
    }

    /** Code 80001: the Pages business-use-case limit, announced by {@code X-Business-Use-Case-Usage}. */
    public static GraphError pagesBusinessUseCaseLimit() {
        return new GraphError(403, 80001, null, OAUTH_EXCEPTION,
                "(#80001) There have been too many calls to this Page account. Wait a bit and try again. "
                        + "For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/"
                        + "rate-limiting.", true);
    }

    /** Code 10: the app lacks a permission (or the feature) for this call. */
    public static GraphError permissionDenied() {
        return new GraphError(403, 10, null, OAUTH_EXCEPTION,
                "(#10) Application does not have permission for this action", false);
    }

    /** Code 200: the user did not grant a permission this call needs. */
    public static GraphError permissionError() {
        return new GraphError(403, 200, null, OAUTH_EXCEPTION, "(#200) Permissions error", false);
    }

    /** Code 100: a bad parameter, field or object. */
    public static GraphError invalidParameter() {
        return of(100, "(#100) Invalid parameter");
    }

    /** Code 1: an unknown error on Facebook's side; retrying may help. */
    public static GraphError unknownError() {
        return new GraphError(500, 1, null, OAUTH_EXCEPTION,
                "An unknown error occurred", true);
    }

    /** Code 2: Facebook's service is temporarily unavailable; retrying later should help. */
    public static GraphError serviceUnavailable() {
        return new GraphError(503, 2, null, OAUTH_EXCEPTION,
                "An unexpected error has occurred. Please retry your request later.", true);
    }

    /** The same error with another HTTP status, for clients that must not branch on the status. */
    public GraphError withHttpStatus(int status) {
        return new GraphError(status, code, subcode, type, message, isTransient);
    }

    /** The same error with another message. */
    public GraphError withMessage(String newMessage) {
        return new GraphError(httpStatus, code, subcode, type, newMessage, isTransient);
    }

    /** The same error with another subcode. */
    public GraphError withSubcode(Integer newSubcode) {
        return new GraphError(httpStatus, code, newSubcode, type, message, isTransient);
    }
}
