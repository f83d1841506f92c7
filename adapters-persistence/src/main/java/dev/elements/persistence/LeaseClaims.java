package dev.elements.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The second step of a claim of leased rows (the outbox's, the polling schedule's): one conditional
 * UPDATE per candidate row, which only matches while the row is still free. Claims racing for a
 * row queue on its lock and re-check the condition after the one before them committed
 * (PostgreSQL's read committed and H2 alike), so exactly one counts the row.
 */
final class LeaseClaims {
    private LeaseClaims() {
    }

    /**
     * @param conditionalUpdate sets {@code :holder} and {@code :leaseUntil} on the row named by
     *     {@code :key} if it is free at {@code :now}
     * @return the candidates whose update counted their row, in their order
     */
    static <K> List<K> take(Handle handle, String conditionalUpdate, List<K> candidates, Instant now, String holder,
            Instant leaseUntil) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = handle.prepareBatch(conditionalUpdate);
        for (K key : candidates) {
            batch.bind("holder", holder).bind("leaseUntil", leaseUntil).bind("key", key).bind("now", now).add();
        }
        int[] counts = batch.execute();
        List<K> taken = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (counts[i] == 1) {
                taken.add(candidates.get(i));
            }
        }
        return taken;
    }
}
