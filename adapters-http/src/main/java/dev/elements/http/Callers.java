package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.AuthenticateUseCase;
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
        if (Collections.list(ctx.req().getHeaders(AuthorizationHeader.NAME)).size() > 1) {
            throw new PlatformException(ErrorCode.INVALID_CREDENTIALS,
                    "Send one Authorization header with comma-separated pairs, not several headers");
        }
        return authentication.authenticate(AuthorizationHeader.parse(ctx.header(AuthorizationHeader.NAME)));
    }
}
