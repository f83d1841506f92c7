package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.out.CredentialKeys;
import java.util.HashMap;
import java.util.Map;

/** The key rotation as core's port, for the operator's route inside a running server. */
final class RotatingCredentialKeys implements CredentialKeys {
    private final CredentialKeyRotation rotation;

    RotatingCredentialKeys(CredentialKeyRotation rotation) {
        this.rotation = requireNonNull(rotation, "rotation");
    }

    @Override
    public Rotation rotate() {
        RotationReport report = rotation.rotate();
        return new Rotation(report.previousPrimaryKeyId(), report.primaryKeyId(), report.rowsReencrypted(),
                report.rowsLeftUnopened());
    }

    @Override
    public Inventory inventory() {
        RotationStatus status = rotation.status();
        Map<String, Long> byKeyId = new HashMap<>(status.instanceSecretsByKeyId());
        status.idempotencyAnswersByKeyId().forEach((keyId, count) -> byKeyId.merge(keyId, count, Long::sum));
        return new Inventory(status.primaryKeyId(), status.keyIds(), byKeyId);
    }
}
