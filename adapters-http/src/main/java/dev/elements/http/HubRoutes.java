package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.HubRequest;
import dev.elements.core.port.in.HubResponse;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.query.Condition;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /hubs/{hub}/...}: calls to the provider through the instance the Element token names.
 * The hub segment is accepted and ignored, as Cloud Elements did: the token alone decides the
 * instance, so a client may name any hub. Everything else (which instance, which resource, paging,
 * retries, the provider's refusals) is the use case's; this class only carries the request in and
 * the answer out, the provider's body byte for byte.
 */
final class HubRoutes {
    /**
     * Below {@code /hubs}. {@code <path>} is Javalin's parameter that spans slashes ({@code {name}} stops at one), so one
     * route takes {@code me} as well as {@code user/123/friends}.
     */
    static final String ROUTE = "{hub}/<path>";
    static final String INSTANCE_ID = "Elements-Element-Instance-Id";
    static final String RETURNED_COUNT = InstanceRoutes.RETURNED_COUNT;
    static final String NEXT_PAGE_TOKEN = "Elements-Next-Page-Token";

    private final CallHubUseCase hub;
    private final RequestBodies bodies;
    private final Callers callers;

    HubRoutes(CallHubUseCase hub, RequestBodies bodies, Callers callers) {
        this.hub = requireNonNull(hub, "hub");
        this.bodies = requireNonNull(bodies, "bodies");
        this.callers = requireNonNull(callers, "callers");
    }

    /**
     * The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. The
     * use case authenticates by the Element token, so nothing is resolved before the handler.
     */
    void declare() {
        path("hubs", () -> {
            get(ROUTE, this::call, Access.ANYONE);
            post(ROUTE, this::call, Access.ANYONE);
            put(ROUTE, this::call, Access.ANYONE);
            patch(ROUTE, this::call, Access.ANYONE);
            delete(ROUTE, this::call, Access.ANYONE);
        });
    }

    private void call(Context ctx) {
        PresentedCredentials credentials = Callers.credentials(ctx);
        if (credentials.elementToken() == null) {
            // Refused before the body is read, as every other route refuses an anonymous caller
            // first; a wrong token is the use case's to find.
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS,
                    "Hub calls need an Authorization header with an Element token");
        }
        if (hasBody(ctx)) {
            // The token is checked before any of the body is read (and again by the call itself).
            callers.authenticatedBy(ctx, credentials, () -> {
                hub.authenticate(credentials);
                return null;
            });
        }
        Condition where = WhereParameter.parse(ctx.queryParam("where"));
        Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
        query.remove("where");
        byte[] body = bodies.optionalJson(ctx);
        // A HEAD is the GET without the body: the provider is asked the GET.
        String method = ctx.method() == HandlerType.HEAD ? HandlerType.GET.name() : ctx.method().name();
        HubResponse response = callers.authenticatedBy(ctx, credentials, () -> hub.call(new HubRequest(credentials,
                method, resourcePath(ctx), query, where, body)));
        ctx.header(INSTANCE_ID, Long.toString(response.instanceId().value()));
        ctx.header(RETURNED_COUNT, Integer.toString(response.returnedCount()));
        response.nextPage().ifPresent(token -> ctx.header(NEXT_PAGE_TOKEN, token));
        ctx.status(response.status()).contentType(JsonCodec.CONTENT_TYPE).result(response.body());
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /**
     * The resource path below the hub, decoded. Refused: an encoded slash, which decoding would
     * turn into a separator (so {@code items%2F42} would call {@code items/{id}} and
     * {@code user%2F1%2Ffriends} something else than the id it seemed to name), and the segments
     * {@code .} and {@code ..}, which no encoding protects and which the provider's server would
     * resolve into another of its paths with this instance's token.
     */
    static String resourcePath(Context ctx) {
        String raw = ctx.req().getRequestURI();
        if (raw != null && raw.toLowerCase(Locale.ROOT).contains("%2f")) {
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST,
                    "A hub path may not contain an encoded slash (%2F)");
        }
        String path = ctx.pathParam("path");
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new PlatformException(ErrorCode.MALFORMED_REQUEST,
                        "A hub path may not contain the segments . or ..");
            }
        }
        return path;
    }
}
