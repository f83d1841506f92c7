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

    /**
     * Checks the credentials as {@link #authenticate} does and says whether the resource that
     * {@code method} and {@code path} name takes {@code multipart/form-data} uploads: so that an
     * adapter reads an upload's body under the upload size limit on those resources only. False
     * when no resource matches; the call then says why.
     *
     * @throws dev.elements.core.error.PlatformException {@code MISSING_CREDENTIALS} or
     *     {@code INVALID_CREDENTIALS}
     */
    boolean takesUploads(PresentedCredentials credentials, String method, String path);
}
