package dev.elements.persistence;

import dev.elements.core.instance.CredentialState;
import dev.elements.core.instance.Instance;

/**
 * The columns of an {@code instances} row as stored, bound by name ({@code bindMethods}) to the
 * statements that write it. Public only because JDBI binds the methods of public types alone; no
 * other module has a use for it. The lease columns are not here: only {@link JdbiRefreshLeases}
 * writes them.
 */
public record InstanceColumns(long id, long organizationId, long ownerUserId, String elementKey, String name,
        String providerAccountId, String tokenDigest, boolean disabled, String status, String statusReason,
        Long lastRenewedAt, Long tokenExpiresAt, Long nextRenewalAt, int consecutiveFailures, String secretsKeyId,
        byte[] secretsCiphertext, Long createdAt, Long updatedAt, long version) {

    static InstanceColumns of(Instance instance) {
        CredentialState credentials = instance.credentials();
        return new InstanceColumns(instance.id().value(), instance.organizationId().value(),
                instance.ownerId().value(), instance.elementKey().value(), instance.name(),
                instance.providerAccountId(), instance.tokenDigest().hex(), instance.disabled(),
                credentials.status().name(), credentials.reason(), EpochMillis.of(credentials.lastRenewedAt()),
                EpochMillis.of(credentials.tokenExpiresAt()), EpochMillis.of(credentials.nextRenewalAt()),
                credentials.consecutiveFailures(), instance.secrets().keyId(), instance.secrets().ciphertext(),
                EpochMillis.of(instance.createdAt()), EpochMillis.of(instance.updatedAt()), instance.version());
    }

    /** JDBI quotes the bound object in some failures: the digest and ciphertext stay out of it. */
    @Override
    public String toString() {
        return "InstanceColumns[id=" + id + ", version=" + version + "]";
    }
}
