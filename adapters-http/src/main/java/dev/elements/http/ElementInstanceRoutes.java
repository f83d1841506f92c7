package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.tenant.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /elements/{keyOrId}/instances}: Cloud Elements' instance CRUD scoped to one element, by
 * key or numeric id. An instance of another element is not there (404), exactly like one of
 * another organization.
 */
final class ElementInstanceRoutes {
    static final String BASE = HttpApi.BASE_PATH + "/elements/{keyOrId}/instances";

    private final DescribeElementsUseCase elements;
    private final ProvisionInstanceUseCase provisioning;
    private final ManageInstancesUseCase instances;
    private final Callers callers;
    private final RequestBodies bodies;
    private final JsonCodec json;

    ElementInstanceRoutes(DescribeElementsUseCase elements, ProvisionInstanceUseCase provisioning,
            ManageInstancesUseCase instances, Callers callers, RequestBodies bodies, JsonCodec json) {
        this.elements = requireNonNull(elements, "elements");
        this.provisioning = requireNonNull(provisioning, "provisioning");
        this.instances = requireNonNull(instances, "instances");
        this.callers = requireNonNull(callers, "callers");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    void addTo(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.post(BASE, this::provision);
        routes.get(BASE + "/{id}", this::get);
        routes.put(BASE + "/{id}", ctx -> update(ctx, true));
        routes.patch(BASE + "/{id}", ctx -> update(ctx, false));
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        Principal principal = callers.principal(ctx);
        ElementDefinition element = element(ctx);
        InstanceRoutes.respondWithPage(ctx, json,
                instances.instances(principal, InstanceListRequest.query(ctx, element.key().value())));
    }

    private void provision(Context ctx) {
        Principal principal = callers.principal(ctx);
        ElementDefinition element = element(ctx);
        ProvisionRequest request = ProvisionRequest.from(bodies.object(ctx));
        if (request.element() != null && !names(request.element(), element)) {
            throw new PlatformException(ErrorCode.INVALID_FIELD,
                    "element must be the element of the path, or left out");
        }
        ProvisionRequest forPath = request.withElement(element.key().value());
        InstanceDescription created = provisioning.provision(
                forPath.command(principal, InstanceRoutes.idempotencyKey(ctx)));
        json.respond(ctx, 200, InstanceView.of(created));
    }

    private void get(Context ctx) {
        Principal principal = callers.principal(ctx);
        json.respond(ctx, 200, InstanceView.of(instanceOfElement(ctx, principal)));
    }

    private void update(Context ctx, boolean replace) {
        Principal principal = callers.principal(ctx);
        InstanceId id = instanceOfElement(ctx, principal).id();
        UpdateInstanceRequest request = UpdateInstanceRequest.from(bodies.object(ctx));
        json.respond(ctx, 200, InstanceView.of(instances.update(principal, id, request.command(replace))));
    }

    private void delete(Context ctx) {
        Principal principal = callers.principal(ctx);
        instances.delete(principal, instanceOfElement(ctx, principal).id());
        InstanceRoutes.respondDeleted(ctx, json);
    }

    private ElementDefinition element(Context ctx) {
        return elements.element(ctx.pathParam("keyOrId"));
    }

    /** @throws PlatformException (404) for an instance the caller may not see or of another element */
    private InstanceDescription instanceOfElement(Context ctx, Principal principal) {
        ElementDefinition element = element(ctx);
        InstanceDescription instance = instances.instance(principal, PathIds.instance(ctx.pathParam("id")));
        if (instance.element().id() != element.id()) {
            throw new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance with that id");
        }
        return instance;
    }

    /** Whether a body's element reference (a key, or an id as text) is this element. */
    private static boolean names(String reference, ElementDefinition element) {
        return reference.equals(element.key().value()) || reference.equals(Long.toString(element.id()));
    }
}
