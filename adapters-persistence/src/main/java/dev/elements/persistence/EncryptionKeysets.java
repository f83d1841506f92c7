package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code encryption_keysets} table: one wrapped Tink keyset per purpose. Nothing here can
 * read a keyset; unwrapping needs the master key, which never reaches the database.
 */
final class EncryptionKeysets {
    /** A keyset as stored: still wrapped, with the version a replacement must name. */
    record StoredKeyset(byte[] wrappedKeyset, String primaryKeyId, long version) {
        StoredKeyset {
            wrappedKeyset = requireNonNull(wrappedKeyset, "wrappedKeyset").clone();
            requireNonNull(primaryKeyId, "primaryKeyId");
        }

        @Override
        public byte[] wrappedKeyset() {
            return wrappedKeyset.clone();
        }

        @Override
        public String toString() {
            return "StoredKeyset[primaryKeyId=" + primaryKeyId + ", version=" + version + "]";
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    EncryptionKeysets(Jdbi jdbi, Clock clock) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
        this.clock = requireNonNull(clock, "clock");
    }

    Optional<StoredKeyset> find(String purpose) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT wrapped_keyset, primary_key_id, version FROM encryption_keysets WHERE purpose = :purpose")
                .bind("purpose", purpose)
                .map((row, context) -> new StoredKeyset(
                        row.getBytes("wrapped_keyset"), row.getString("primary_key_id"), row.getLong("version")))
                .findOne());
    }

    /**
     * The stored version alone, so that a node can learn cheaply (one primary-key read, no
     * unwrapping) whether another node rotated.
     */
    Optional<Long> version(String purpose) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT version FROM encryption_keysets WHERE purpose = :purpose")
                .bind("purpose", purpose)
                .mapTo(Long.class)
                .findOne());
    }

    /**
     * Stores the first keyset of a purpose unless one is there already. When nodes race on an
     * empty database, the primary key lets exactly one insert win; the others store nothing and
     * read the winner's keyset.
     *
     * @return whether this call stored it
     */
    boolean insertIfAbsent(String purpose, byte[] wrappedKeyset, String primaryKeyId) {
        long now = clock.millis();
        return jdbi.withHandle(handle -> handle.createUpdate("""
                INSERT INTO encryption_keysets (purpose, wrapped_keyset, primary_key_id, version, created_at, updated_at)
                VALUES (:purpose, :wrappedKeyset, :primaryKeyId, 1, :now, :now)
                ON CONFLICT DO NOTHING""")
                .bind("purpose", purpose)
                .bind("wrappedKeyset", wrappedKeyset)
                .bind("primaryKeyId", primaryKeyId)
                .bind("now", now)
                .execute()) == 1;
    }

    /**
     * Replaces a keyset if it is still at {@code expectedVersion}: the write of a key rotation,
     * which must not undo a rotation another node made meanwhile.
     *
     * @return whether it was replaced
     */
    boolean replace(String purpose, byte[] wrappedKeyset, String primaryKeyId, long expectedVersion) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE encryption_keysets
                   SET wrapped_keyset = :wrappedKeyset, primary_key_id = :primaryKeyId, version = version + 1,
                       updated_at = :now
                 WHERE purpose = :purpose AND version = :expectedVersion""")
                .bind("purpose", purpose)
                .bind("wrappedKeyset", wrappedKeyset)
                .bind("primaryKeyId", primaryKeyId)
                .bind("now", clock.millis())
                .bind("expectedVersion", expectedVersion)
                .execute()) == 1;
    }
}
