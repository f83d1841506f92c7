package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.tenant.Principal;
import io.javalin.http.Context;

/**
 * {@code /elements/{keyOrId}/instances}: Cloud Elements' instance CRUD scoped to one element, by
 * key or numeric id. One instance is served by {@link InstanceRoutes}' handlers, found by
 * {@link Access#INSTANCE_OF_ELEMENT}: an instance of another element is not there (404), exactly
 * like one of another organization.
 */
final class ElementInstanceRoutes {
    private final DescribeElementsUseCase elements;
    private final ProvisionInstanceUseCase provisioning;
    private final ManageInstancesUseCase instances;
    private final InstanceRoutes instanceRoutes;
    private final RequestBodies bodies;
    private final JsonCodec json;

    ElementInstanceRoutes(DescribeElementsUseCase elements, ProvisionInstanceUseCase provisioning,
            ManageInstancesUseCase instances, InstanceRoutes instanceRoutes, RequestBodies bodies, JsonCodec json) {
        this.elements = requireNonNull(elements, "elements");
        this.provisioning = requireNonNull(provisioning, "provisioning");
        this.instances = requireNonNull(instances, "instances");
        this.instanceRoutes = requireNonNull(instanceRoutes, "instanceRoutes");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    /** The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declare() {
        path("elements/{keyOrId}/instances", () -> {
            get(this::list, Access.CALLER);
            post(this::provision, Access.CALLER);
            path("{id}", () -> instanceRoutes.oneInstance(Access.INSTANCE_OF_ELEMENT));
        });
    }

    private void list(Context ctx) {
        Principal principal = Callers.principal(ctx);
        ElementDefinition element = element(ctx);
        InstanceRoutes.respondWithPage(ctx, json,
                instances.instances(principal, InstanceListRequest.query(ctx, element.key().value())));
    }

    private void provision(Context ctx) {
        Principal principal = Callers.principal(ctx);
        ElementDefinition element = element(ctx);
        ProvisionRequest request = bodies.bind(ctx, ProvisionRequest.class);
        if (request.elementReference() != null && !names(request.elementReference(), element)) {
            throw new PlatformException(ErrorCode.INVALID_FIELD,
                    "element must be the element of the path, or left out");
        }
        ProvisionRequest forPath = request.withElement(element.key().value());
        InstanceDescription created = provisioning.provision(
                forPath.command(principal, InstanceRoutes.idempotencyKey(ctx)));
        json.respond(ctx, 200, InstanceView.of(created));
    }

    private ElementDefinition element(Context ctx) {
        return elements.element(ctx.pathParam("keyOrId"));
    }

    /** Whether a body's element reference (a key, or an id as text) is this element. */
    private static boolean names(String reference, ElementDefinition element) {
        return reference.equals(element.key().value()) || reference.equals(Long.toString(element.id()));
    }
}
