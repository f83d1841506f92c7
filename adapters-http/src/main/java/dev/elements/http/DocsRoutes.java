package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.port.in.DescribeElementsUseCase;
import io.javalin.http.Context;

/**
 * The OpenAPI documents of an element's hub resources: by element ({@code /elements/{keyOrId}/docs},
 * for any caller, as the catalogue is) and by instance ({@code /instances/{id}/docs}, and with the
 * Element token {@code /instances/docs}), for the instance's element, as Cloud Elements served them.
 */
final class DocsRoutes {
    private final DescribeElementsUseCase elements;
    private final OpenApiDocument documents;
    private final JsonCodec json;

    DocsRoutes(DescribeElementsUseCase elements, OpenApiDocument documents, JsonCodec json) {
        this.elements = requireNonNull(elements, "elements");
        this.documents = requireNonNull(documents, "documents");
        this.json = requireNonNull(json, "json");
    }

    /**
     * The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}, before
     * {@link InstanceRoutes}, whose {@code /instances/{id}} would otherwise take "docs" for an id.
     */
    void declare() {
        get("elements/{keyOrId}/docs", ctx -> respond(ctx, elements.element(ctx.pathParam("keyOrId"))),
                Access.CALLER);
        get("instances/docs", this::ofInstance, Access.INSTANCE_FROM_TOKEN);
        get("instances/{id}/docs", this::ofInstance, Access.INSTANCE_FROM_PATH);
    }

    private void ofInstance(Context ctx) {
        respond(ctx, Callers.instance(ctx).element());
    }

    private void respond(Context ctx, ElementDefinition element) {
        json.respond(ctx, 200, documents.of(element));
    }
}
