package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static java.util.Objects.requireNonNull;

import dev.elements.core.port.in.KeyInventory;
import dev.elements.core.port.in.KeyRotationReport;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /operator/keys}: the credential key rotation inside the running server, for the operator
 * only (and off, answering 404, without an operator secret). With the embedded database no second
 * process can open it, so this is how a single node rotates while it keeps serving.
 */
final class OperatorRoutes {
    private final ManageCredentialKeysUseCase keys;
    private final JsonCodec json;

    OperatorRoutes(ManageCredentialKeysUseCase keys, JsonCodec json) {
        this.keys = requireNonNull(keys, "keys");
        this.json = requireNonNull(json, "json");
    }

    /** The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declare() {
        path("operator/keys", () -> {
            get(this::inventory, Access.OPERATOR);
            post("rotate", this::rotate, Access.OPERATOR);
        });
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
