package dev.elements.core.port.out;

import dev.elements.core.element.ElementKey;
import java.time.Instant;
import java.util.Optional;

/**
 * The PKCE verifiers (RFC 7636) of logins under way, kept between {@code oauth/url} and the code's
 * return, keyed by element and {@code state}. Bounded in number, because {@code oauth/url} is
 * open to anyone, and single-use across every node, because a verifier is good for one code.
 */
public interface PendingAuthorizations {
    /**
     * Drops the ones expired at {@code pending.createdAt()} first, then keeps {@code pending}, replacing one held for the same
     * element and state.
     *
     * @param limit the most unexpired ones held at once
     * @return false, storing nothing, when {@code limit} unexpired ones (other than the one
     *     replaced) are held already
     */
    boolean save(PendingAuthorization pending, int limit);

    /**
     * Removes and returns the one held for the element and state, unless it expired at {@code now}.
     * Of concurrent takes of one, on any nodes, exactly one gets it.
     */
    Optional<PendingAuthorization> take(ElementKey element, String state, Instant now);
}
