package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.tenant.Principal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.util.MethodNotAllowedUtil;
import java.util.Collections;
import java.util.List;

/**
 * The handler that runs before every matched route: it resolves what the route's {@link Access}
 * declares (the caller from the one Authorization header, and the instance the route names) once,
 * and keeps it on the request for the route's handler. The order of refusals is the same for every
 * route: a wrong verb on a literal path (405), then who calls (401), then what the path names
 * (404); a body is read only by the handler, after all of these. Failed authentications are
 * counted per source address and per presented secret, and refused with 429 past the limit.
 */
final class Callers implements Handler {
    private static final String CALLER = "dev.elements.http.caller";
    private static final String INSTANCE = "dev.elements.http.instance";
    private static final String AUTHENTICATED = "dev.elements.http.authenticated";

    private final AuthenticateUseCase authentication;
    private final ManageInstancesUseCase instances;
    private final DescribeElementsUseCase elements;
    private final RouteTable routeTable;
    private final FailedAuthentications failures;

    Callers(AuthenticateUseCase authentication, ManageInstancesUseCase instances, DescribeElementsUseCase elements,
            RouteTable routeTable, FailedAuthentications failures) {
        this.authentication = requireNonNull(authentication, "authentication");
        this.instances = requireNonNull(instances, "instances");
        this.elements = requireNonNull(elements, "elements");
        this.routeTable = requireNonNull(routeTable, "routeTable");
        this.failures = requireNonNull(failures, "failures");
    }

    @Override
    public void handle(Context ctx) {
        Access access = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("The route of " + ctx.method().name()
                        + " " + ctx.path() + " declares no Access"));
        refuseWrongVerbOnLiteralPath(ctx);
        if (access == Access.ANYONE) {
            return;
        }
        // Every refusal for a wrong secret below, whatever resolves it, counts against the guesser.
        failures.check(ctx.req().getRemoteAddr(), credentials(ctx), () -> resolve(ctx, access));
        ctx.attribute(AUTHENTICATED, Boolean.TRUE);
    }

    private void resolve(Context ctx, Access access) {
        switch (access) {
            case ANYONE -> throw new IllegalStateException("An open route has no caller to resolve");
            case OPERATOR -> authentication.authenticateOperator(credentials(ctx));
            case CALLER -> authenticate(ctx);
            case INSTANCE_FROM_PATH -> {
                Caller caller = authenticate(ctx);
                keep(ctx, caller, PathIds.instance(ctx.pathParam("id")));
            }
            case INSTANCE_FROM_TOKEN -> instanceFromToken(ctx);
            case CALLER_OR_INSTANCE_FROM_TOKEN -> {
                if (credentials(ctx).elementToken() == null) {
                    authenticate(ctx);
                } else {
                    instanceFromToken(ctx);
                }
            }
            case INSTANCE_OF_ELEMENT -> {
                Caller caller = authenticate(ctx);
                ElementDefinition element = elements.element(ctx.pathParam("keyOrId"));
                InstanceDescription instance = instances.instance(caller.principal(),
                        PathIds.instance(ctx.pathParam("id")));
                if (instance.element().id() != element.id()) {
                    throw new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance with that id");
                }
                ctx.attribute(INSTANCE, instance);
                RequestLogContext.instance(ctx, instance.id());
            }
        }
    }

    /**
     * Runs an authentication that a route does by itself (hub calls, by the Element token) under the
     * same throttle of failed authentications as the routes whose caller is resolved here, and
     * marks the request as authenticated when it succeeds.
     */
    <T> T authenticatedBy(Context ctx, PresentedCredentials presented, java.util.function.Supplier<T> check) {
        T result = failures.attempt(ctx.req().getRemoteAddr(), presented, check);
        ctx.attribute(AUTHENTICATED, Boolean.TRUE);
        return result;
    }

    /** Whether someone's credentials were checked for this request before its body is read. */
    static boolean resolvedCaller(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(AUTHENTICATED));
    }

    /** The caller the route's {@link Access} resolved. */
    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("The route of " + ctx.path() + " declared no caller to resolve");
        }
        return caller;
    }

    static Principal principal(Context ctx) {
        return caller(ctx).principal();
    }

    /** The instance of the caller's the route names, found before the handler ran. */
    static InstanceDescription instance(Context ctx) {
        InstanceDescription instance = ctx.attribute(INSTANCE);
        if (instance == null) {
            throw new IllegalStateException("The route of " + ctx.path() + " declared no instance to resolve");
        }
        return instance;
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

    /** @throws PlatformException (401) when the header is missing, malformed or wrong */
    private Caller authenticate(Context ctx) {
        PresentedCredentials credentials = credentials(ctx);
        return keep(ctx, new Caller(authentication.authenticate(credentials), credentials.elementToken()));
    }

    /** The User secret with the Organization secret or with the Element token, and the token's instance. */
    private void instanceFromToken(Context ctx) {
        PresentedCredentials credentials = credentials(ctx);
        if (credentials.elementToken() == null) {
            // Without a token: the refusal of the secrets missing, or else the one that asks for the token.
            authenticate(ctx).requireElementToken();
        }
        Caller caller = keep(ctx, new Caller(authentication.authenticateWithElementToken(credentials),
                credentials.elementToken()));
        keep(ctx, caller, instances.instanceOfToken(caller.principal(), caller.elementToken()));
    }

    private static Caller keep(Context ctx, Caller caller) {
        ctx.attribute(CALLER, caller);
        RequestLogContext.organization(ctx, caller.principal().organizationId());
        return caller;
    }

    /**
     * Found before any body is read: another organization's instance is a 404 whatever the
     * request says.
     */
    private void keep(Context ctx, Caller caller, InstanceId id) {
        ctx.attribute(INSTANCE, instances.instance(caller.principal(), id));
        RequestLogContext.instance(ctx, id);
    }

    /**
     * {@code GET /instances/token} is a known path with the wrong verb, not an instance called
     * "token". A HEAD is the GET of its path without the body.
     */
    private void refuseWrongVerbOnLiteralPath(Context ctx) {
        List<HandlerType> literal = routeTable.literalMethods(ctx.path());
        HandlerType method = ctx.method() == HandlerType.HEAD ? HandlerType.GET : ctx.method();
        if (!literal.isEmpty() && !literal.contains(method)) {
            throw new MethodNotAllowedResponse("Method not allowed",
                    MethodNotAllowedUtil.INSTANCE.availableHandlerTypes(ctx, literal));
        }
    }
}
