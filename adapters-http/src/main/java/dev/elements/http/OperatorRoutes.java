package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.KeyInventory;
import dev.elements.core.port.in.KeyRotationReport;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.tenant.OrganizationId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code /operator/...}: the credential key rotation and a user's new secret inside the running
 * server, for the operator only (and off, answering 404, without an operator secret). With the
 * embedded database no second process can open it, so this is how the command line reaches a
 * single node while it keeps serving.
 */
final class OperatorRoutes {
    static final String ORGANIZATION_PARAMETER = "organizationId";

    private final ManageCredentialKeysUseCase keys;
    private final ManageTenantsUseCase tenants;
    private final JsonCodec json;

    OperatorRoutes(ManageCredentialKeysUseCase keys, ManageTenantsUseCase tenants, JsonCodec json) {
        this.keys = requireNonNull(keys, "keys");
        this.tenants = requireNonNull(tenants, "tenants");
        this.json = requireNonNull(json, "json");
    }

    /** The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declare() {
        path("operator/keys", () -> {
            get(this::inventory, Access.OPERATOR);
            post("rotate", this::rotate, Access.OPERATOR);
        });
        post("operator/users/{emailAddress}/secret", this::resetSecret, Access.OPERATOR);
    }

    /** The new secret is in this answer only; {@code organizationId} picks one of several users with the address. */
    private void resetSecret(Context ctx) {
        String organization = ctx.queryParam(ORGANIZATION_PARAMETER);
        OrganizationId organizationId = null;
        if (organization != null) {
            OptionalLong id = PathIds.positive(organization);
            if (id.isEmpty()) {
                throw new PlatformException(ErrorCode.INVALID_FIELD, ORGANIZATION_PARAMETER
                        + " must be an organization id (a positive number)");
            }
            organizationId = new OrganizationId(id.getAsLong());
        }
        json.respond(ctx, 200, UserView.withSecret(tenants.resetSecret(ctx.pathParam("emailAddress"),
                organizationId)));
    }

    private void inventory(Context ctx) {
        json.respond(ctx, 200, InventoryView.of(keys.inventory()));
    }

    private void rotate(Context ctx) {
        KeyRotationReport rotation = keys.rotate();
        json.respond(ctx, 200, new RotationView(rotation.previousPrimaryKeyId(), rotation.primaryKeyId(),
                rotation.secretsReencrypted(), rotation.secretsLeftUnopened(), InventoryView.of(keys.inventory())));
    }

    record InventoryView(String primaryKeyId, List<String> keyIds, Map<String, Long> secretsByKeyId,
            long secretsUnderOlderKeys) {
        static InventoryView of(KeyInventory inventory) {
            return new InventoryView(inventory.primaryKeyId(), inventory.keyIds(), inventory.secretsByKeyId(),
                    inventory.secretsUnderOlderKeys());
        }
    }

    record RotationView(String previousPrimaryKeyId, String primaryKeyId, long secretsReencrypted,
            long secretsLeftUnopened, InventoryView keys) {
    }
}
