package dev.elements.core.port.out;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import dev.elements.core.tenant.OrganizationId;
import java.util.List;
import java.util.Map;

/**
 * Every ciphertext storage keeps, found by the key that sealed it: what a key rotation reads and
 * writes back. Storage never opens them; core does, with the associated data it sealed them with.
 */
public interface SealedSecrets {
    /** The kinds of stored ciphertexts, each kept in its own place. */
    enum Kind {
        /** An instance's provider credentials. */
        INSTANCE_SECRETS,
        /** The stored answer of an {@code Idempotency-Key}, which holds an element token. */
        IDEMPOTENCY_ANSWERS
    }

    /**
     * The row a ciphertext belongs to, which its associated data binds it to; ordered by storage so
     * that {@link #underOtherKeysThan} can page.
     */
    sealed interface Owner permits InstanceOwner, IdempotencyAnswerOwner {
        Kind kind();
    }

    /** Where an instance's secrets are stored. */
    record InstanceOwner(OrganizationId organization, InstanceId instance) implements Owner {
        public InstanceOwner {
            requireNonNull(organization, "organization");
            requireNonNull(instance, "instance");
        }

        @Override
        public Kind kind() {
            return Kind.INSTANCE_SECRETS;
        }
    }

    /** Where the answer stored for an organization's {@code Idempotency-Key} is. */
    record IdempotencyAnswerOwner(OrganizationId organization, String key) implements Owner {
        public IdempotencyAnswerOwner {
            requireNonNull(organization, "organization");
            requireNonNull(key, "key");
        }

        @Override
        public Kind kind() {
            return Kind.IDEMPOTENCY_ANSWERS;
        }

        /** The key is the application's; the organization is enough to find the row. */
        @Override
        public String toString() {
            return "IdempotencyAnswerOwner[organization=" + organization.value() + "]";
        }
    }

    /** A ciphertext as it was read, with its row. */
    record StoredSecret(Owner owner, Sealed sealed) {
        public StoredSecret {
            requireNonNull(owner, "owner");
            requireNonNull(sealed, "sealed");
        }
    }

    /**
     * One page of the ciphertexts of a kind that another key than {@code keyId} sealed, in storage's
     * order of their owners.
     *
     * @param after the last owner of the previous page, or null for the first page
     * @param limit the most to return; fewer means there are no more
     */
    List<StoredSecret> underOtherKeysThan(String keyId, Kind kind, Owner after, int limit);

    /**
     * Writes {@code resealed} in place of what was read, if the row still holds exactly that, and
     * touches nothing else of the row: a node that wrote the row meanwhile keeps its write.
     *
     * @return whether it was written
     */
    boolean replace(StoredSecret read, Sealed resealed);

    /** How many stored ciphertexts of a kind each key sealed. */
    Map<String, Long> countByKeyId(Kind kind);
}
