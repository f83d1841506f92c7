package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes that change a stored instance row, which every node's {@link InstanceTokenCache} must hear
 * of. On PostgreSQL the write's own transaction notifies {@link #CHANNEL}, so other nodes hear of
 * exactly the writes that commit, and hear of them once they are visible; this node forgets the
 * instance itself when the transaction has ended (not before: a lookup in between would read and
 * keep the row the write is about to replace). H2 is embedded in one process, which forgets for
 * itself.
 */
final class InstanceWrites {
    /** The notification channel; the payload is the instance id. */
    static final String CHANNEL = "elements_instance_changes";

    private final Jdbi jdbi;
    private final InstanceTokenCache tokens;
    private final boolean notifyOtherNodes;

    InstanceWrites(Jdbi jdbi, InstanceTokenCache tokens, boolean notifyOtherNodes) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
        this.tokens = requireNonNull(tokens, "tokens");
        this.notifyOtherNodes = notifyOtherNodes;
    }

    /**
     * Runs {@code write} in one transaction; it answers whether it changed the instance's row. The
     * instance is forgotten however the transaction ended: a commit that failed to answer may
     * still have happened.
     */
    boolean write(InstanceId id, HandleCallback<Boolean, RuntimeException> write) {
        requireNonNull(id, "id");
        requireNonNull(write, "write");
        try {
            return jdbi.inTransaction(handle -> {
                boolean changed = write.withHandle(handle);
                if (changed && notifyOtherNodes) {
                    handle.createQuery("SELECT pg_notify(:channel, :id)")
                            .bind("channel", CHANNEL)
                            .bind("id", Long.toString(id.value()))
                            .mapToMap()
                            .one();
                }
                return changed;
            });
        } finally {
            tokens.invalidate(id);
        }
    }
}
