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
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.util.MethodNotAllowedUtil;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /hubs/{hub}/...}: calls to the provider through the instance the Element token names.
 * The hub segment is accepted and ignored, as Cloud Elements did: the token alone decides the
 * instance, so a client may name any hub, or leave it out ({@code /elements/api-v2/user/me}) where
 * the path's first segment is none of the platform's. Everything else (which instance, which resource, paging,
 * retries, the provider's refusals) is the use case's; this class only carries the request in and
 * the answer out, the provider's body byte for byte. A {@code multipart/form-data} upload to a
 * resource that takes one is carried in as it came, with its {@code Content-Type}, under the
 * upload limit; every other body must be JSON under the body limit.
 */
final class HubRoutes {
    /**
     * Below {@code /hubs}. {@code <path>} is Javalin's parameter that spans slashes ({@code {name}} stops at one), so one
     * route takes {@code me} as well as {@code user/123/friends}.
     */
    static final String ROUTE = "{hub}/<path>";
    /**
     * The hub-less form, the whole path below the base: Cloud Elements answered {@code /accounts}
     * as it answered {@code /hubs/crm/accounts}, the Element token deciding (churros,
     * {@code src/test/platform/elements/instances.js}, "should ignore any provided hub").
     */
    static final String HUB_LESS_ROUTE = "<path>";
    /**
     * First segments below the base path that are the platform's even before a route of its own is
     * declared there, so that a hub resource never takes a name the platform is going to use. The
     * first segments of the declared routes are the platform's as well (see {@link RouteTable}).
     */
    static final Set<String> PLATFORM_SEGMENTS = Set.of("instances", "elements", "organizations", "users", "hubs",
            "events", "health", "operator", "objects", "connect", "docs", "openapi.json", "metrics");
    static final String INSTANCE_ID = "Elements-Element-Instance-Id";
    static final String RETURNED_COUNT = InstanceRoutes.RETURNED_COUNT;
    static final String NEXT_PAGE_TOKEN = "Elements-Next-Page-Token";

    private final CallHubUseCase hub;
    private final RequestBodies bodies;
    private final Callers callers;
    private final RouteTable routeTable;

    HubRoutes(CallHubUseCase hub, RequestBodies bodies, Callers callers, RouteTable routeTable) {
        this.hub = requireNonNull(hub, "hub");
        this.bodies = requireNonNull(bodies, "bodies");
        this.callers = requireNonNull(callers, "callers");
        this.routeTable = requireNonNull(routeTable, "routeTable");
    }

    /**
     * The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. The
     * use case authenticates by the Element token, so nothing is resolved before the handler.
     */
    void declare() {
        path("hubs", () -> {
            get(ROUTE, this::call, Access.ANYONE);
            post(ROUTE, this::call, Access.ANYONE, BodyLimit.UPLOADS);
            put(ROUTE, this::call, Access.ANYONE, BodyLimit.UPLOADS);
            patch(ROUTE, this::call, Access.ANYONE, BodyLimit.UPLOADS);
            delete(ROUTE, this::call, Access.ANYONE);
        });
    }

    /**
     * The hub-less routes; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}, after every
     * other route, since Javalin takes the first route that matches and the platform's come first.
     */
    void declareHubLess() {
        get(HUB_LESS_ROUTE, this::callHubLess, Access.ANYONE);
        post(HUB_LESS_ROUTE, this::callHubLess, Access.ANYONE, BodyLimit.UPLOADS);
        put(HUB_LESS_ROUTE, this::callHubLess, Access.ANYONE, BodyLimit.UPLOADS);
        patch(HUB_LESS_ROUTE, this::callHubLess, Access.ANYONE, BodyLimit.UPLOADS);
        delete(HUB_LESS_ROUTE, this::callHubLess, Access.ANYONE);
    }

    /**
     * A path below a platform segment that no platform route took is answered as it was before
     * hub-less routes existed: 405 when a platform route serves the path with another verb, 404
     * otherwise, before any credential is looked at. Any other path is a hub call when an Element
     * token names the instance, and without one the 404 of an unknown path it always was.
     */
    private void callHubLess(Context ctx) {
        String first = ctx.pathParam("path").split("/", 2)[0].toLowerCase(Locale.ROOT);
        if (first.isEmpty() || PLATFORM_SEGMENTS.contains(first) || routeTable.isPlatformSegment(first)) {
            List<HandlerType> served = routeTable.platformMethods(ctx.path());
            if (!served.isEmpty()) {
                throw new MethodNotAllowedResponse("Method not allowed",
                        MethodNotAllowedUtil.INSTANCE.availableHandlerTypes(ctx, served));
            }
            throw new NotFoundResponse();
        }
        if (Callers.credentials(ctx).elementToken() == null) {
            throw new NotFoundResponse();
        }
        call(ctx);
    }

    private void call(Context ctx) {
        PresentedCredentials credentials = Callers.credentials(ctx);
        if (credentials.elementToken() == null) {
            // Refused before the body is read, as every other route refuses an anonymous caller
            // first; a wrong token is the use case's to find.
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS,
                    "Hub calls need an Authorization header with an Element token");
        }
        Condition where = WhereParameter.parse(ctx.queryParam("where"));
        Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
        query.remove("where");
        // A HEAD is the GET without the body: the provider is asked the GET.
        String method = ctx.method() == HandlerType.HEAD ? HandlerType.GET.name() : ctx.method().name();
        boolean upload = hasBody(ctx) && callers.authenticatedBy(ctx, credentials, () -> {
            // The token is checked before any of the body is read (and again by the call itself);
            // an upload is read as one only where the resource takes it.
            if (RequestBodies.isMultipartForm(ctx.contentType())) {
                return hub.takesUploads(credentials, method, resourcePath(ctx));
            }
            hub.authenticate(credentials);
            return false;
        });
        byte[] body = upload ? bodies.upload(ctx) : bodies.optionalJson(ctx);
        String contentType = body.length == 0 ? null : ctx.contentType();
        HubResponse response = callers.authenticatedBy(ctx, credentials, () -> hub.call(new HubRequest(credentials,
                method, resourcePath(ctx), query, where, body, contentType)));
        RequestLogContext.instance(ctx, response.instanceId());
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
