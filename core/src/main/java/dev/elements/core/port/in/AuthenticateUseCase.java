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
     * Checks the operator secret, for {@code POST /organizations}.
     *
     * @throws dev.elements.core.error.PlatformException {@code RESOURCE_NOT_FOUND} when no operator
     *     secret is configured (the route is off), {@code MISSING_CREDENTIALS} or
     *     {@code INVALID_CREDENTIALS} otherwise
     */
    void authenticateOperator(PresentedCredentials credentials);
}
