package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.InstancePage;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.tenant.Principal;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /instances}: provisioning, listing, and the lifecycle of one instance, each lifecycle
 * route both as {@code /instances/{id}/...} and, with the instance named by the Element token, as
 * {@code /instances/...}. The handlers act on the instance {@link Callers} found, however the route
 * names it, so {@code /elements/{keyOrId}/instances/{id}} shares them.
 */
final class InstanceRoutes {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TOTAL_COUNT = "Elements-Total-Count";
    static final String RETURNED_COUNT = "Elements-Returned-Count";

    private final ProvisionInstanceUseCase provisioning;
    private final ManageInstancesUseCase instances;
    private final RequestBodies bodies;
    private final JsonCodec json;

    InstanceRoutes(ProvisionInstanceUseCase provisioning, ManageInstancesUseCase instances, RequestBodies bodies,
            JsonCodec json) {
        this.provisioning = requireNonNull(provisioning, "provisioning");
        this.instances = requireNonNull(instances, "instances");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    /** The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declare() {
        path("instances", () -> {
            // POST is always provisioning; GET is the list, or the token's instance when a token is sent.
            post(this::provision, Access.CALLER);
            get(this::listOrTokenInstance, Access.CALLER_OR_INSTANCE_FROM_TOKEN);
            lifecycle(Access.INSTANCE_FROM_TOKEN);
            // After the token-scoped paths, which "{id}" would otherwise take for ids.
            path("{id}", () -> {
                get(this::show, Access.INSTANCE_FROM_PATH);
                lifecycle(Access.INSTANCE_FROM_PATH);
            });
        });
    }

    /** GET, PUT, PATCH and DELETE of the one instance the current path names, found as {@code access} says. */
    void oneInstance(Access access) {
        get(this::show, access);
        put(ctx -> update(ctx, true), access);
        patch(ctx -> update(ctx, false), access);
        delete(this::remove, access);
    }

    private void lifecycle(Access access) {
        put(ctx -> update(ctx, true), access);
        patch(ctx -> update(ctx, false), access);
        delete(this::remove, access);
        path("configuration", () -> {
            get(this::configuration, access);
            get("{configId}", this::configurationValue, access);
            patch("{configId}", this::updateConfigurationValue, access);
        });
        put("enabled", ctx -> setEnabled(ctx, true), access);
        delete("enabled", ctx -> setEnabled(ctx, false), access);
        post("token", this::regenerateToken, access);
        post("refresh", this::refresh, access);
    }

    private void provision(Context ctx) {
        Principal principal = Callers.principal(ctx);
        ProvisionRequest request = bodies.bind(ctx, ProvisionRequest.class);
        InstanceDescription created = provisioning.provision(request.command(principal, idempotencyKey(ctx)));
        json.respond(ctx, 200, InstanceView.of(created));
    }

    /** Cloud Elements' habit: {@code GET /instances} with an Element token is that one instance. */
    private void listOrTokenInstance(Context ctx) {
        Caller caller = Callers.caller(ctx);
        if (caller.hasElementToken()) {
            json.respond(ctx, 200, InstanceView.of(Callers.instance(ctx)));
            return;
        }
        respondWithPage(ctx, json, instances.instances(caller.principal(), InstanceListRequest.query(ctx, null)));
    }

    private void show(Context ctx) {
        json.respond(ctx, 200, InstanceView.of(Callers.instance(ctx)));
    }

    private void update(Context ctx, boolean replace) {
        InstanceId id = Callers.instance(ctx).id();
        UpdateInstanceRequest request = bodies.bind(ctx, UpdateInstanceRequest.class);
        json.respond(ctx, 200, InstanceView.of(instances.update(Callers.principal(ctx), id, request.command(replace))));
    }

    private void remove(Context ctx) {
        instances.delete(Callers.principal(ctx), Callers.instance(ctx).id());
        respondDeleted(ctx, json);
    }

    private void configuration(Context ctx) {
        List<ConfigurationValueView> values = instances.configuration(Callers.principal(ctx),
                        Callers.instance(ctx).id()).stream()
                .map(ConfigurationValueView::of)
                .toList();
        json.respond(ctx, 200, values);
    }

    private void configurationValue(Context ctx) {
        long configurationId = PathIds.configuration(ctx.pathParam("configId"));
        json.respond(ctx, 200, ConfigurationValueView.of(instances.configurationValue(Callers.principal(ctx),
                Callers.instance(ctx).id(), configurationId)));
    }

    private void updateConfigurationValue(Context ctx) {
        long configurationId = PathIds.configuration(ctx.pathParam("configId"));
        String newValue = ConfigurationValueRequest.value(bodies.object(ctx));
        json.respond(ctx, 200, ConfigurationValueView.of(instances.updateConfigurationValue(Callers.principal(ctx),
                Callers.instance(ctx).id(), configurationId, newValue)));
    }

    private void setEnabled(Context ctx, boolean enabled) {
        json.respond(ctx, 200, InstanceView.of(instances.setEnabled(Callers.principal(ctx),
                Callers.instance(ctx).id(), enabled)));
    }

    private void regenerateToken(Context ctx) {
        json.respond(ctx, 200, InstanceView.of(instances.regenerateToken(Callers.principal(ctx),
                Callers.instance(ctx).id())));
    }

    private void refresh(Context ctx) {
        json.respond(ctx, 200, InstanceView.of(instances.refresh(Callers.principal(ctx), Callers.instance(ctx).id())));
    }

    /** A page of instances with Cloud Elements' count headers. */
    static void respondWithPage(Context ctx, JsonCodec json, InstancePage page) {
        ctx.header(TOTAL_COUNT, Long.toString(page.total()));
        ctx.header(RETURNED_COUNT, Integer.toString(page.instances().size()));
        json.respond(ctx, 200, page.instances().stream().map(InstanceView::of).toList());
    }

    /** Cloud Elements answers a delete with 200; an empty object keeps every answer JSON. */
    static void respondDeleted(Context ctx, JsonCodec json) {
        json.respond(ctx, 200, Map.of());
    }

    static String idempotencyKey(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return null;
        }
        return key;
    }
}
