package dev.elements.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.tenant.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

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
        ObjectNode body = bodies.object(ctx);
        JsonFields fields = new JsonFields();
        ObjectNode element = fields.object(body, "element", "element");
        String elementKey = element == null ? null : fields.string(element, "key", "element.key");
        String elementId = element == null ? null : fields.integer(element, "id", "element.id");
        ObjectNode providerData = fields.object(body, "providerData", "providerData");
        String code = providerData == null ? null : fields.string(providerData, "code", "providerData.code");
        Map<String, String> configuration = fields.stringMap(body, "configuration", "configuration");
        List<String> tags = fields.strings(body, "tags", "tags");
        String name = fields.string(body, "name", "name");
        fields.orThrow();

        String elementReference = elementKey != null && !elementKey.isBlank() ? elementKey : elementId;
        InstanceDescription created = provisioning.provision(new ProvisionInstanceCommand(principal,
                elementReference, code, configuration, tags, name, idempotencyKey(ctx)));
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
