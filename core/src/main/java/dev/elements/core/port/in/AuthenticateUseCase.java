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
}
