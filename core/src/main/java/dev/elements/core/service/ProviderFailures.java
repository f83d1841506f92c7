package dev.elements.core.service;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderException;

/** Turns a provider's classified refusal into what the application is told. */
final class ProviderFailures {
    private ProviderFailures() {
    }

    /**
     * For an authorization (a code exchange): any refusal by the provider is the request's fault,
     * because the code or the application's credentials came with it.
     */
    static PlatformException duringAuthorization(ProviderException failure, String element) {
        ProviderError error = failure.error();
        return switch (error.errorClass()) {
            case INVALID_GRANT, INVALID_TOKEN, PERMISSION, BAD_REQUEST, NOT_FOUND -> new PlatformException(
                    ErrorCode.PROVIDER_REJECTED_AUTHORIZATION,
                    "The provider of " + element + " refused the authorization code or the application's credentials",
                    error.providerMessage(), null, failure);
            default -> outage(failure, element);
        };
    }

    /**
     * For tokens an application hands over ({@code externalAuthentication}): a refusal means the
     * token is dead, or not this application's, and the request's fault.
     */
    static PlatformException duringAdoption(ProviderException failure, String element) {
        ProviderError error = failure.error();
        return switch (error.errorClass()) {
            case INVALID_GRANT, INVALID_TOKEN, PERMISSION, BAD_REQUEST, NOT_FOUND -> new PlatformException(
                    ErrorCode.PROVIDER_REJECTED_AUTHORIZATION,
                    "The provider of " + element + " did not accept oauth.user.token as a live token of this"
                            + " application",
                    error.providerMessage(), null, failure);
            default -> outage(failure, element);
        };
    }

    /** For a call with an instance's credentials. */
    static PlatformException duringCall(ProviderException failure, String element) {
        ProviderError error = failure.error();
        return switch (error.errorClass()) {
            case INVALID_GRANT, INVALID_TOKEN -> new PlatformException(ErrorCode.PROVIDER_TOKEN_REJECTED,
                    "The provider of " + element + " no longer accepts this instance's credentials;"
                            + " the user must authorize again",
                    error.providerMessage(), null, failure);
            case PERMISSION -> new PlatformException(ErrorCode.PROVIDER_PERMISSION_DENIED,
                    "The provider of " + element + " denied permission for this call", error.providerMessage(), null,
                    failure);
            case BAD_REQUEST -> new PlatformException(ErrorCode.PROVIDER_REJECTED_REQUEST,
                    "The provider of " + element + " refused the request's parameters", error.providerMessage(),
                    null, failure);
            case NOT_FOUND -> new PlatformException(ErrorCode.PROVIDER_OBJECT_NOT_FOUND,
                    "The provider of " + element + " has no such object", error.providerMessage(), null, failure);
            default -> outage(failure, element);
        };
    }

    private static PlatformException outage(ProviderException failure, String element) {
        ProviderError error = failure.error();
        return switch (error.errorClass()) {
            case RATE_LIMITED -> new PlatformException(ErrorCode.PROVIDER_RATE_LIMITED,
                    "The provider of " + element + " is limiting calls; retry later", error.providerMessage(),
                    error.retryAfterHint().orElse(java.time.Duration.ofSeconds(60)), failure);
            case TIMEOUT -> new PlatformException(ErrorCode.PROVIDER_TIMED_OUT,
                    "The provider of " + element + " did not answer in time", error.providerMessage(), null, failure);
            case TOO_LARGE -> new PlatformException(ErrorCode.PROVIDER_UNAVAILABLE,
                    "The provider of " + element + " sent an answer larger than the platform's limit for one"
                            + " provider answer", null, null, failure);
            default -> new PlatformException(ErrorCode.PROVIDER_UNAVAILABLE,
                    "The provider of " + element + " failed or could not be reached", error.providerMessage(), null,
                    failure);
        };
    }
}
