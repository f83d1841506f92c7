package dev.elements.core.memory;

import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.instance.Sealed;
import dev.elements.core.tenant.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotency keys for one process. */
public final class InMemoryIdempotencyRecords implements IdempotencyRecords {
    private record Key(OrganizationId organization, String key) {
    }

    private final Map<Key, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotencyRecord> claim(OrganizationId organization, String key, String fingerprint,
            Instant now) {
        IdempotencyRecord claim = new IdempotencyRecord(fingerprint, now, null);
        IdempotencyRecord existing = records.putIfAbsent(new Key(organization, key), claim);
        return Optional.ofNullable(existing);
    }

    @Override
    public boolean takeOver(OrganizationId organization, String key, String fingerprint, Instant claimedBefore,
            Instant now) {
        boolean[] taken = {false};
        records.computeIfPresent(new Key(organization, key), (id, record) -> {
            taken[0] = !record.completed() && record.fingerprint().equals(fingerprint)
                    && record.createdAt().isBefore(claimedBefore);
            return taken[0] ? new IdempotencyRecord(fingerprint, now, null) : record;
        });
        return taken[0];
    }

    @Override
    public void complete(OrganizationId organization, String key, Sealed answer) {
        records.computeIfPresent(new Key(organization, key),
                (id, record) -> new IdempotencyRecord(record.fingerprint(), record.createdAt(), answer));
    }

    @Override
    public void release(OrganizationId organization, String key) {
        records.computeIfPresent(new Key(organization, key), (id, record) -> record.completed() ? record : null);
    }

    @Override
    public boolean expire(OrganizationId organization, String key, Instant createdBefore) {
        boolean[] expired = {false};
        records.computeIfPresent(new Key(organization, key), (id, record) -> {
            expired[0] = record.createdAt().isBefore(createdBefore);
            return expired[0] ? null : record;
        });
        return expired[0];
    }

    @Override
    public Optional<IdempotencyRecord> find(OrganizationId organization, String key) {
        return Optional.ofNullable(records.get(new Key(organization, key)));
    }
}
