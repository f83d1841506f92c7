package dev.elements.core.port.in;

import dev.elements.core.tenant.Principal;

/** Who is calling, from the secrets in the Authorization header. */
public interface AuthenticateUseCase {
    /**
     * @throws dev.elements.core.error.PlatformException {@code MISSING_CREDENTIALS} when the user or
     *     organization secret is absent, {@code INVALID_CREDENTIALS} when they do not match an
     *     active user of that organization (without saying which one was wrong)
     */
    Principal authenticate(PresentedCredentials credentials);

    /**
     * Who is calling a route that acts on the instance the Element token names. As
     * {@link #authenticate} when an Organization secret is sent (the caller then checks that the
     * token is of that organization); without one, the User secret and the Element token suffice,
     * as Cloud Elements' {@code User <secret>, Element <token>} did, and the user must be an active
     * user of the organization of the token's instance.
     *
     * @throws dev.elements.core.error.PlatformException {@code MISSING_CREDENTIALS} when the user
     *     secret is absent, or the organization secret and the token both are;
     *     {@code INVALID_CREDENTIALS} when the secrets do not match one organization's active user
     *     and instance (without saying which one was wrong)
     */
    Principal authenticateWithElementToken(PresentedCredentials credentials);

    /**
     * Checks the operator secret, for {@code POST /organizations}.
     *
     * @throws dev.elements.core.error.PlatformException {@code RESOURCE_NOT_FOUND} when no operator
     *     secret is configured (the route is off), {@code MISSING_CREDENTIALS} or
     *     {@code INVALID_CREDENTIALS} otherwise
     */
    void authenticateOperator(PresentedCredentials credentials);
}
