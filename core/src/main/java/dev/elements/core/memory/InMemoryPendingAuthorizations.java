package dev.elements.core.memory;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.port.out.PendingAuthorization;
import dev.elements.core.port.out.PendingAuthorizations;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Logins under way for one process; one lock, since a save counts and purges the whole store. */
public final class InMemoryPendingAuthorizations implements PendingAuthorizations {
    private record Key(ElementKey element, String state) {
    }

    private final Map<Key, PendingAuthorization> pending = new HashMap<>();

    @Override
    public synchronized boolean save(PendingAuthorization authorization, int limit) {
        requireNonNull(authorization, "authorization");
        Instant now = authorization.createdAt();
        pending.values().removeIf(held -> held.expiredAt(now));
        Key key = new Key(authorization.element(), authorization.state());
        int others = pending.size() - (pending.containsKey(key) ? 1 : 0);
        if (others >= limit) {
            return false;
        }
        pending.put(key, authorization);
        return true;
    }

    @Override
    public synchronized Optional<PendingAuthorization> take(ElementKey element, String state, Instant now) {
        PendingAuthorization taken = pending.remove(new Key(element, state));
        return taken == null || taken.expiredAt(now) ? Optional.empty() : Optional.of(taken);
    }
}
