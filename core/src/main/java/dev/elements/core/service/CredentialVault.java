package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.Sealed;
import dev.elements.core.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;

/** Seals and opens an instance's secrets, bound to its organization and id. */
public final class CredentialVault {
    private final CredentialCipher cipher;

    public CredentialVault(CredentialCipher cipher) {
        this.cipher = requireNonNull(cipher, "cipher");
    }

    public Sealed seal(InstanceSecrets secrets, OrganizationId organization, InstanceId instance) {
        return cipher.seal(secrets.encode(), associatedData(organization, instance));
    }

    public InstanceSecrets open(Instance instance) {
        return InstanceSecrets.decode(
                cipher.open(instance.secrets(), associatedData(instance.organizationId(), instance.id())));
    }

    /**
     * What an {@code Idempotency-Key} answer (which holds an element token) is sealed with: bound to
     * its organization and key like instance secrets to their row.
     */
    public static byte[] idempotencyAssociatedData(OrganizationId organization, String key) {
        return ("idempotency|" + organization.value() + "|" + key).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code organization|instance}: a ciphertext moved to another row no longer opens. */
    public static byte[] associatedData(OrganizationId organization, InstanceId instance) {
        return (organization.value() + "|" + instance.value()).getBytes(StandardCharsets.UTF_8);
    }
}
