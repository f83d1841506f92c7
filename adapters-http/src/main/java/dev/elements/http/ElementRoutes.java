package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.port.in.AuthorizationUrl;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import io.javalin.http.Context;

/** {@code /elements}: the catalogue, and the first step of provisioning (the provider login URL). */
final class ElementRoutes {
    private final DescribeElementsUseCase elements;
    private final GetAuthorizationUrlUseCase authorizationUrls;
    private final RequestBodies bodies;
    private final JsonCodec json;

    ElementRoutes(DescribeElementsUseCase elements, GetAuthorizationUrlUseCase authorizationUrls, RequestBodies bodies,
            JsonCodec json) {
        this.elements = requireNonNull(elements, "elements");
        this.authorizationUrls = requireNonNull(authorizationUrls, "authorizationUrls");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    /** The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declare() {
        path("elements", () -> {
            get(this::list, Access.CALLER);
            // Before {keyOrId}, which would otherwise take "keys" for an element.
            get("keys", this::keys, Access.CALLER);
            path("{keyOrId}", () -> {
                get(this::show, Access.CALLER);
                get("metadata", this::metadata, Access.CALLER);
                // No Authorization: Cloud Elements serves the login URL to anyone, and it holds no secret.
                get("oauth/url", this::authorizationUrlFromQuery, Access.ANYONE);
                post("oauth/url", this::authorizationUrlFromBody, Access.ANYONE);
            });
        });
    }

    private void list(Context ctx) {
        json.respond(ctx, 200, elements.elements().stream().map(ElementView::full).toList());
    }

    private void keys(Context ctx) {
        json.respond(ctx, 200, elements.elements().stream().map(element -> element.key().value()).toList());
    }

    private void show(Context ctx) {
        ElementDefinition element = elements.element(ctx.pathParam("keyOrId"));
        json.respond(ctx, 200, ElementView.full(element));
    }

    private void metadata(Context ctx) {
        json.respond(ctx, 200, ElementMetadataView.of(elements.element(ctx.pathParam("keyOrId"))));
    }

    private void authorizationUrlFromQuery(Context ctx) {
        respond(ctx, AuthorizationUrlRequest.fromQuery(ctx).command(ctx.pathParam("keyOrId")));
    }

    private void authorizationUrlFromBody(Context ctx) {
        respond(ctx, bodies.bind(ctx, AuthorizationUrlRequest.class).command(ctx.pathParam("keyOrId")));
    }

    private void respond(Context ctx, GetAuthorizationUrlCommand command) {
        AuthorizationUrl url = authorizationUrls.authorizationUrl(command);
        json.respond(ctx, 200, new AuthorizationUrlView(url.oauthUrl().toString(), url.element()));
    }
}
