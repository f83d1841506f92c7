package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.PendingAuthorization;
import dev.elements.core.port.out.PendingAuthorizations;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * PKCE verifiers of logins under way in {@code pending_authorizations}, shared by every node. A
 * take reads the row, then deletes exactly that row: the delete's count names the one caller, on
 * whichever node, that may use it. The limit is counted in the saving transaction, so nodes saving
 * at the same moment may pass it by at most their number: a bound on what an open endpoint can
 * make the database hold, not an exact quota.
 */
public final class JdbiPendingAuthorizations implements PendingAuthorizations {
    /** A save that lost a race for the same state to another node tries again, but never forever. */
    private static final int SAVE_ATTEMPTS = 3;
    private static final RowMapper<PendingAuthorization> PENDING = (row, context) -> new PendingAuthorization(
            ElementKey.of(row.getString("element_key")), row.getString("state"),
            new Sealed(row.getString("verifier_key_id"), row.getBytes("verifier_ciphertext")),
            EpochMillis.read(row, "created_at"), EpochMillis.read(row, "expires_at"));

    private final Jdbi jdbi;

    public JdbiPendingAuthorizations(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean save(PendingAuthorization pending, int limit) {
        requireNonNull(pending, "pending");
        try {
            for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
                Optional<Boolean> saved = jdbi.inTransaction(handle -> saveOnce(handle, pending, limit));
                if (saved.isPresent()) {
                    return saved.get();
                }
            }
        } catch (JdbiException e) {
            throw RedactedFailures.redacted("Keeping a PKCE verifier of element " + pending.element(), e);
        }
        throw new IllegalStateException("A PKCE verifier of element " + pending.element() + " lost "
                + SAVE_ATTEMPTS + " races for its state in a row");
    }

    /** @return empty when another node inserted the same element and state meanwhile */
    private static Optional<Boolean> saveOnce(Handle handle, PendingAuthorization pending, int limit) {
        handle.createUpdate("DELETE FROM pending_authorizations WHERE expires_at <= :now")
                .bind("now", pending.createdAt())
                .execute();
        long others = handle.createQuery("""
                SELECT COUNT(*) FROM pending_authorizations
                 WHERE NOT (element_key = :element AND state = :state)""")
                .bind("element", pending.element())
                .bind("state", pending.state())
                .mapTo(Long.class)
                .one();
        if (others >= limit) {
            return Optional.of(false);
        }
        handle.createUpdate("DELETE FROM pending_authorizations WHERE element_key = :element AND state = :state")
                .bind("element", pending.element())
                .bind("state", pending.state())
                .execute();
        // ON CONFLICT DO NOTHING: a racing insert of the same state waits for the other and then
        // inserts nothing, without an exception that would abort a PostgreSQL transaction.
        int inserted = handle.createUpdate("""
                INSERT INTO pending_authorizations
                       (element_key, state, verifier_key_id, verifier_ciphertext, created_at, expires_at)
                VALUES (:element, :state, :verifier.keyId, :verifier.ciphertext, :createdAt, :expiresAt)
                ON CONFLICT DO NOTHING""")
                .bind("element", pending.element())
                .bind("state", pending.state())
                .bindMethods("verifier", pending.verifier())
                .bind("createdAt", pending.createdAt())
                .bind("expiresAt", pending.expiresAt())
                .execute();
        return inserted == 1 ? Optional.of(true) : Optional.empty();
    }

    @Override
    public Optional<PendingAuthorization> take(ElementKey element, String state, Instant now) {
        requireNonNull(element, "element");
        requireNonNull(state, "state");
        requireNonNull(now, "now");
        return jdbi.withHandle(handle -> {
            Optional<PendingAuthorization> found = handle.createQuery("""
                    SELECT element_key, state, verifier_key_id, verifier_ciphertext, created_at, expires_at
                      FROM pending_authorizations WHERE element_key = :element AND state = :state""")
                    .bind("element", element)
                    .bind("state", state)
                    .map(PENDING)
                    .findOne();
            if (found.isEmpty()) {
                return Optional.<PendingAuthorization>empty();
            }
            PendingAuthorization pending = found.get();
            // Exactly the row read: a login that replaced it since is not deleted in its place.
            int deleted = handle.createUpdate("""
                    DELETE FROM pending_authorizations
                     WHERE element_key = :element AND state = :state
                       AND verifier_key_id = :verifier.keyId AND verifier_ciphertext = :verifier.ciphertext""")
                    .bind("element", element)
                    .bind("state", state)
                    .bindMethods("verifier", pending.verifier())
                    .execute();
            return deleted == 1 && !pending.expiredAt(now) ? Optional.of(pending) : Optional.empty();
        });
    }
}
