package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.tenant.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /instances}: provisioning, and reading an organization's instances. */
final class InstanceRoutes {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final ProvisionInstanceUseCase provisioning;
    private final ManageInstancesUseCase instances;
    private final Callers callers;
    private final RequestBodies bodies;
    private final JsonCodec json;

    InstanceRoutes(ProvisionInstanceUseCase provisioning, ManageInstancesUseCase instances, Callers callers,
            RequestBodies bodies, JsonCodec json) {
        this.provisioning = requireNonNull(provisioning, "provisioning");
        this.instances = requireNonNull(instances, "instances");
        this.callers = requireNonNull(callers, "callers");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    void addTo(RoutesConfig routes) {
        String base = HttpApi.BASE_PATH + "/instances";
        routes.post(base, this::provision);
        routes.get(base + "/{id}", this::get);
    }

    private void provision(Context ctx) {
        Principal principal = callers.principal(ctx);
        ProvisionRequest request = ProvisionRequest.from(bodies.object(ctx));
        InstanceDescription created = provisioning.provision(request.command(principal, idempotencyKey(ctx)));
        json.respond(ctx, 200, InstanceView.of(created));
    }

    private void get(Context ctx) {
        Principal principal = callers.principal(ctx);
        InstanceId id = InstanceId.parse(ctx.pathParam("id"))
                .orElseThrow(() -> new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance with that id"));
        json.respond(ctx, 200, InstanceView.of(instances.instance(principal, id)));
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY) {
            throw PlatformException.invalid(IDEMPOTENCY_KEY + " must be at most " + MAX_IDEMPOTENCY_KEY
                    + " characters");
        }
        return key;
    }
}
