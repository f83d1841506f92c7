package dev.elements.core.port.out;

import dev.elements.core.instance.InstanceId;
import java.time.Instant;

/**
 * Who may renew an instance's credentials right now, across every node and thread: a lease taken by
 * a conditional update, so that however many callers see a renewal due at once, the provider is
 * asked once. A lease expires by itself, so a node that dies mid-renewal blocks nobody for long.
 */
public interface RefreshLeases {
    /**
     * Takes the lease if nobody holds it or the holder's lease has expired at {@code now}.
     *
     * @return whether {@code holder} now holds it
     */
    boolean tryAcquire(InstanceId instance, String holder, Instant now, Instant until);

    /** Gives the lease back if {@code holder} still holds it. */
    void release(InstanceId instance, String holder);
}
