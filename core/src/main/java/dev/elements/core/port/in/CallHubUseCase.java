package dev.elements.core.port.in;

/** Calling the provider through an instance, with the element token: the reason instances exist. */
public interface CallHubUseCase {
    HubResponse call(HubRequest request);

    /**
     * Checks what {@link #call} would check of the credentials (the Element token, and User and
     * Organization when sent), without calling the provider: so that an adapter can refuse a wrong
     * token before it reads a request body.
     *
     * @throws dev.elements.core.error.PlatformException {@code MISSING_CREDENTIALS} or
     *     {@code INVALID_CREDENTIALS}
     */
    void authenticate(PresentedCredentials credentials);
}
