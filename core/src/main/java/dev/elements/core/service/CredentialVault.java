package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.SealedSecrets.IdempotencyAnswerOwner;
import dev.elements.core.port.out.SealedSecrets.InstanceOwner;
import dev.elements.core.port.out.SealedSecrets.Owner;
import dev.elements.core.port.out.SealedSecrets.StoredSecret;
import dev.elements.core.port.out.UnopenableSecretException;
import dev.elements.core.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Seals and opens what the platform stores encrypted, each bound to its row by associated data.
 * The format of that associated data is known here only: storage and the key rotation name the
 * row ({@link Owner}), never the bytes.
 */
public final class CredentialVault {
    private final CredentialCipher cipher;

    public CredentialVault(CredentialCipher cipher) {
        this.cipher = requireNonNull(cipher, "cipher");
    }

    public Sealed seal(InstanceSecrets secrets, OrganizationId organization, InstanceId instance) {
        return cipher.seal(secrets.encode(), associatedData(new InstanceOwner(organization, instance)));
    }

    public InstanceSecrets open(Instance instance) {
        return InstanceSecrets.decode(cipher.open(instance.secrets(),
                associatedData(new InstanceOwner(instance.organizationId(), instance.id()))));
    }

    /** An {@code Idempotency-Key} answer (which holds an element token), bound to its organization and key. */
    Sealed sealAnswer(byte[] answer, OrganizationId organization, String key) {
        return cipher.seal(answer, associatedData(new IdempotencyAnswerOwner(organization, key)));
    }

    byte[] openAnswer(Sealed answer, OrganizationId organization, String key) {
        return cipher.open(answer, associatedData(new IdempotencyAnswerOwner(organization, key)));
    }

    /**
     * What a connect session keeps sealed: its configuration, then the new instance's element token,
     * each bound to its organization, its session and what it is ({@code part}).
     */
    Sealed sealForConnect(byte[] plaintext, OrganizationId organization, String session, String part) {
        return cipher.seal(plaintext, connectAssociatedData(organization, session, part));
    }

    byte[] openForConnect(Sealed sealed, OrganizationId organization, String session, String part) {
        return cipher.open(sealed, connectAssociatedData(organization, session, part));
    }

    private static byte[] connectAssociatedData(OrganizationId organization, String session, String part) {
        return ("connect|" + part + "|" + organization.value() + "|" + session).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Opens a stored secret and seals it again under the cipher's primary key, bound to the same
     * row: a key rotation's step.
     *
     * @return empty when it does not open (altered, or copied from another row)
     */
    Optional<Sealed> reseal(StoredSecret stored) {
        byte[] associatedData = associatedData(stored.owner());
        byte[] plaintext;
        try {
            plaintext = cipher.open(stored.sealed(), associatedData);
        } catch (UnopenableSecretException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.seal(plaintext, associatedData));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Instance secrets: {@code organization|instance}, so a ciphertext moved to another row no
     * longer opens. Answers: {@code idempotency|organization|key}, likewise.
     */
    private static byte[] associatedData(Owner owner) {
        String bound;
        if (owner instanceof InstanceOwner instance) {
            bound = instance.organization().value() + "|" + instance.instance().value();
        } else if (owner instanceof IdempotencyAnswerOwner answer) {
            bound = "idempotency|" + answer.organization().value() + "|" + answer.key();
        } else {
            throw new IllegalArgumentException("Unknown owner of a sealed secret: " + owner.kind());
        }
        return bound.getBytes(StandardCharsets.UTF_8);
    }
}
