package dev.elements.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.port.in.AuthorizationUrl;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /elements}: the catalogue, and the first step of provisioning (the provider login URL). */
final class ElementRoutes {
    private final DescribeElementsUseCase elements;
    private final GetAuthorizationUrlUseCase authorizationUrls;
    private final Callers callers;
    private final RequestBodies bodies;
    private final JsonCodec json;

    ElementRoutes(DescribeElementsUseCase elements, GetAuthorizationUrlUseCase authorizationUrls, Callers callers,
            RequestBodies bodies, JsonCodec json) {
        this.elements = requireNonNull(elements, "elements");
        this.authorizationUrls = requireNonNull(authorizationUrls, "authorizationUrls");
        this.callers = requireNonNull(callers, "callers");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    void addTo(RoutesConfig routes) {
        String base = HttpApi.BASE_PATH + "/elements";
        routes.get(base, this::list);
        // Before {keyOrId}, which would otherwise take "keys" for an element.
        routes.get(base + "/keys", this::keys);
        routes.get(base + "/{keyOrId}", this::get);
        routes.get(base + "/{keyOrId}/oauth/url", this::authorizationUrlFromQuery);
        routes.post(base + "/{keyOrId}/oauth/url", this::authorizationUrlFromBody);
    }

    private void list(Context ctx) {
        callers.principal(ctx);
        json.respond(ctx, 200, elements.elements().stream().map(ElementView::full).toList());
    }

    private void keys(Context ctx) {
        callers.principal(ctx);
        json.respond(ctx, 200, elements.elements().stream().map(element -> element.key().value()).toList());
    }

    private void get(Context ctx) {
        callers.principal(ctx);
        ElementDefinition element = elements.element(ctx.pathParam("keyOrId"));
        json.respond(ctx, 200, ElementView.full(element));
    }

    /** No Authorization: Cloud Elements serves the login URL to anyone, and it holds no secret. */
    private void authorizationUrlFromQuery(Context ctx) {
        respond(ctx, AuthorizationUrlRequest.fromQuery(ctx).command(ctx.pathParam("keyOrId")));
    }

    private void authorizationUrlFromBody(Context ctx) {
        ObjectNode body = bodies.object(ctx);
        respond(ctx, AuthorizationUrlRequest.fromBody(body).command(ctx.pathParam("keyOrId")));
    }

    private void respond(Context ctx, GetAuthorizationUrlCommand command) {
        AuthorizationUrl url = authorizationUrls.authorizationUrl(command);
        json.respond(ctx, 200, new AuthorizationUrlView(url.oauthUrl().toString(), url.element()));
    }
}
