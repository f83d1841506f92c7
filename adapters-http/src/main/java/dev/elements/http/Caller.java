package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.tenant.Principal;

/**
 * Who is calling a platform route, and the element token the header named, if any. The token is
 * kept only for the routes that take their instance from it; {@link #toString()} never shows it.
 */
record Caller(Principal principal, String elementToken) {
    Caller {
        requireNonNull(principal, "principal");
    }

    boolean hasElementToken() {
        return elementToken != null;
    }

    /** @throws PlatformException (401) when the header named no element token */
    String requireElementToken() {
        if (elementToken == null) {
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS, "This route takes its instance from the"
                    + " Element token: send 'Element <token>' in the Authorization header, or use"
                    + " /instances/{id}/... instead");
        }
        return elementToken;
    }

    @Override
    public String toString() {
        return "Caller[user=" + principal.user().id() + ", element=" + (elementToken != null) + "]";
    }
}
