package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.tenant.Principal;
import io.javalin.http.Context;
import java.util.Collections;

/** Finds out who is calling a platform route, from the one Authorization header. */
final class Callers {
    private final AuthenticateUseCase authentication;

    Callers(AuthenticateUseCase authentication) {
        this.authentication = requireNonNull(authentication, "authentication");
    }

    /** @throws PlatformException (401) when the header is missing, malformed or wrong */
    Principal principal(Context ctx) {
        return caller(ctx).principal();
    }

    /**
     * The caller with the element token it named, for routes that may take their instance from it.
     *
     * @throws PlatformException (401) when the header is missing, malformed or wrong
     */
    Caller caller(Context ctx) {
        PresentedCredentials credentials = credentials(ctx);
        return new Caller(authentication.authenticate(credentials), credentials.elementToken());
    }

    /**
     * Lets only the operator through.
     *
     * @throws PlatformException (404) when the operator route is off, (401) when the operator
     *     secret is missing or wrong
     */
    void operator(Context ctx) {
        authentication.authenticateOperator(credentials(ctx));
    }

    /**
     * The secrets the one Authorization header presents, not yet checked: for routes whose use
     * case authenticates by itself (hub calls, where the Element token decides).
     *
     * @throws PlatformException (401) when the header is malformed or sent more than once
     */
    static PresentedCredentials credentials(Context ctx) {
        if (Collections.list(ctx.req().getHeaders(AuthorizationHeader.NAME)).size() > 1) {
            throw new PlatformException(ErrorCode.INVALID_CREDENTIALS,
                    "Send one Authorization header with comma-separated pairs, not several headers");
        }
        return AuthorizationHeader.parse(ctx.header(AuthorizationHeader.NAME));
    }
}
