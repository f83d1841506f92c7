package dev.elements.core.connect;

import static java.util.Objects.requireNonNull;

/**
 * Why a connect session did not connect, as the application's {@code redirectUrl} learns it: an
 * OAuth-style {@code error} code, and a description in plain words for the person at the browser.
 */
public enum ConnectFailure {
    /** The person refused at the provider's login. */
    ACCESS_DENIED("access_denied", "The connection was cancelled: access was not granted at the provider's login."),
    /** Fifteen minutes passed before the person came back from the provider. */
    EXPIRED("expired_session", "This connect link has expired. Ask the application for a new one."),
    /** The login's {@code state} came back a second time, was never issued, or its session is over. */
    INVALID_STATE("invalid_state", "This login is no longer valid: it was used already or is unknown."
            + " Ask the application for a new connect link."),
    /** The provider refused the code, could not be reached, or the instance could not be made. */
    CONNECTION_FAILED("connection_failed", "The account could not be connected. Please try again later.");

    private final String code;
    private final String description;

    ConnectFailure(String code, String description) {
        this.code = requireNonNull(code, "code");
        this.description = requireNonNull(description, "description");
    }

    /** The {@code error} parameter. */
    public String code() {
        return code;
    }

    /** The {@code error_description} parameter, and what the page says. */
    public String description() {
        return description;
    }
}
