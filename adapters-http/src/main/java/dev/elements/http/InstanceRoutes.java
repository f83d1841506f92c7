package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.InstancePage;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.tenant.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /instances}: provisioning, listing, and the lifecycle of one instance, each lifecycle
 * route both as {@code /instances/{id}/...} and, with the instance named by the Element token, as
 * {@code /instances/...}.
 */
final class InstanceRoutes {
    static final String BASE = HttpApi.BASE_PATH + "/instances";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TOTAL_COUNT = "Elements-Total-Count";
    static final String RETURNED_COUNT = "Elements-Returned-Count";

    private final ProvisionInstanceUseCase provisioning;
    private final ManageInstancesUseCase instances;
    private final Callers callers;
    private final RequestBodies bodies;
    private final JsonCodec json;
    /**
     * The methods of each literal path right below {@code /instances} (such as {@code token}), for
     * the 405 of a wrong verb there, which {@code /instances/{id}} would otherwise take for an id.
     * Filled before the server starts and only read afterwards.
     */
    private final Map<String, Set<String>> methodsOfLiteralChildren = new LinkedHashMap<>();

    InstanceRoutes(ProvisionInstanceUseCase provisioning, ManageInstancesUseCase instances, Callers callers,
            RequestBodies bodies, JsonCodec json) {
        this.provisioning = requireNonNull(provisioning, "provisioning");
        this.instances = requireNonNull(instances, "instances");
        this.callers = requireNonNull(callers, "callers");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    void addTo(RoutesConfig routes) {
        InstanceLocator fromToken = (ctx, caller) -> instances.instanceOfToken(caller.principal(),
                caller.requireElementToken());
        InstanceLocator fromPath = (ctx, caller) -> PathIds.instance(ctx.pathParam("id"));
        InstanceLocator fromPathNotSubResource = (ctx, caller) -> {
            refuseSubResourceAsId(ctx);
            return fromPath.locate(ctx, caller);
        };

        // POST is always provisioning; GET is the list, or the token's instance when a token is sent.
        add(routes, HandlerType.POST, BASE, this::provision);
        add(routes, HandlerType.GET, BASE, this::listOrTokenInstance);
        addLifecycle(routes, BASE, fromToken, fromToken);
        // After the token-scoped paths, which "/{id}" would otherwise take for ids.
        add(routes, HandlerType.GET, BASE + "/{id}", ctx -> get(ctx, fromPathNotSubResource));
        addLifecycle(routes, BASE + "/{id}", fromPath, fromPathNotSubResource);
    }

    /**
     * @param locator how the sub-resource routes find their instance
     * @param bareLocator the same for {@code path} itself
     */
    private void addLifecycle(RoutesConfig routes, String path, InstanceLocator locator, InstanceLocator bareLocator) {
        add(routes, HandlerType.PUT, path, ctx -> update(ctx, bareLocator, true));
        add(routes, HandlerType.PATCH, path, ctx -> update(ctx, bareLocator, false));
        add(routes, HandlerType.DELETE, path, ctx -> delete(ctx, bareLocator));
        add(routes, HandlerType.GET, path + "/configuration", ctx -> configuration(ctx, locator));
        add(routes, HandlerType.GET, path + "/configuration/{configId}", ctx -> configurationValue(ctx, locator));
        add(routes, HandlerType.PATCH, path + "/configuration/{configId}",
                ctx -> updateConfigurationValue(ctx, locator));
        add(routes, HandlerType.PUT, path + "/enabled", ctx -> setEnabled(ctx, locator, true));
        add(routes, HandlerType.DELETE, path + "/enabled", ctx -> setEnabled(ctx, locator, false));
        add(routes, HandlerType.POST, path + "/token", ctx -> regenerateToken(ctx, locator));
        add(routes, HandlerType.POST, path + "/refresh", ctx -> refresh(ctx, locator));
    }

    private void add(RoutesConfig routes, HandlerType method, String path, Handler handler) {
        routes.addHttpHandler(method, path, handler);
        String child = path.startsWith(BASE + "/") ? path.substring(BASE.length() + 1) : "";
        if (!child.isEmpty() && !child.contains("/") && !child.contains("{")) {
            methodsOfLiteralChildren.computeIfAbsent(child, key -> new LinkedHashSet<>()).add(method.name());
        }
    }

    private void provision(Context ctx) {
        Principal principal = callers.principal(ctx);
        ProvisionRequest request = ProvisionRequest.from(bodies.object(ctx));
        InstanceDescription created = provisioning.provision(request.command(principal, idempotencyKey(ctx)));
        json.respond(ctx, 200, InstanceView.of(created));
    }

    /** Cloud Elements' habit: {@code GET /instances} with an Element token is that one instance. */
    private void listOrTokenInstance(Context ctx) {
        Caller caller = callers.caller(ctx);
        if (caller.hasElementToken()) {
            InstanceId id = instances.instanceOfToken(caller.principal(), caller.elementToken());
            json.respond(ctx, 200, InstanceView.of(instances.instance(caller.principal(), id)));
            return;
        }
        respondWithPage(ctx, json, instances.instances(caller.principal(), InstanceListRequest.query(ctx, null)));
    }

    private void get(Context ctx, InstanceLocator locator) {
        Caller caller = callers.caller(ctx);
        InstanceId id = locator.locate(ctx, caller);
        json.respond(ctx, 200, InstanceView.of(instances.instance(caller.principal(), id)));
    }

    /** The instance is found before the body is read: another organization's instance is a 404 whatever the body. */
    private void update(Context ctx, InstanceLocator locator, boolean replace) {
        Caller caller = callers.caller(ctx);
        InstanceId id = locator.locate(ctx, caller);
        instances.instance(caller.principal(), id);
        UpdateInstanceRequest request = UpdateInstanceRequest.from(bodies.object(ctx));
        json.respond(ctx, 200, InstanceView.of(instances.update(caller.principal(), id, request.command(replace))));
    }

    private void delete(Context ctx, InstanceLocator locator) {
        Caller caller = callers.caller(ctx);
        instances.delete(caller.principal(), locator.locate(ctx, caller));
        respondDeleted(ctx, json);
    }

    private void configuration(Context ctx, InstanceLocator locator) {
        Caller caller = callers.caller(ctx);
        InstanceId id = locator.locate(ctx, caller);
        List<ConfigurationValueView> values = instances.configuration(caller.principal(), id).stream()
                .map(ConfigurationValueView::of)
                .toList();
        json.respond(ctx, 200, values);
    }

    private void configurationValue(Context ctx, InstanceLocator locator) {
        Caller caller = callers.caller(ctx);
        InstanceId id = locator.locate(ctx, caller);
        long configurationId = PathIds.configuration(ctx.pathParam("configId"));
        json.respond(ctx, 200, ConfigurationValueView.of(
                instances.configurationValue(caller.principal(), id, configurationId)));
    }

    private void updateConfigurationValue(Context ctx, InstanceLocator locator) {
        Caller caller = callers.caller(ctx);
        InstanceId id = locator.locate(ctx, caller);
        long configurationId = PathIds.configuration(ctx.pathParam("configId"));
        // Found before the body is read, as for updates.
        instances.instance(caller.principal(), id);
        String newValue = ConfigurationValueRequest.value(bodies.object(ctx));
        json.respond(ctx, 200, ConfigurationValueView.of(
                instances.updateConfigurationValue(caller.principal(), id, configurationId, newValue)));
    }

    private void setEnabled(Context ctx, InstanceLocator locator, boolean enabled) {
        Caller caller = callers.caller(ctx);
        InstanceId id = locator.locate(ctx, caller);
        json.respond(ctx, 200, InstanceView.of(instances.setEnabled(caller.principal(), id, enabled)));
    }

    private void regenerateToken(Context ctx, InstanceLocator locator) {
        Caller caller = callers.caller(ctx);
        InstanceId id = locator.locate(ctx, caller);
        json.respond(ctx, 200, InstanceView.of(instances.regenerateToken(caller.principal(), id)));
    }

    private void refresh(Context ctx, InstanceLocator locator) {
        Caller caller = callers.caller(ctx);
        InstanceId id = locator.locate(ctx, caller);
        json.respond(ctx, 200, InstanceView.of(instances.refresh(caller.principal(), id)));
    }

    /** {@code GET /instances/token} is a known path with the wrong verb, not an instance called "token". */
    private void refuseSubResourceAsId(Context ctx) {
        Set<String> methods = methodsOfLiteralChildren.get(ctx.pathParam("id"));
        if (methods != null) {
            String allowed = String.join(", ", methods);
            throw new MethodNotAllowedResponse("Method not allowed", Map.of("availableMethods", allowed));
        }
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
