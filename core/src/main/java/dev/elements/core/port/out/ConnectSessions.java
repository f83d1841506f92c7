package dev.elements.core.port.out;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.connect.ConnectSession;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import java.time.Instant;
import java.util.Optional;

/**
 * Hosted connect sessions, shared by every node: the browser may open the page on one node and
 * come back from the provider to another. Every change is conditional on what it changes from, so
 * that of nodes racing for a session exactly one wins.
 */
public interface ConnectSessions {
    /** Keeps a new session, first dropping the ones that expired before {@code forgetBefore}. */
    void insert(ConnectSession session, Instant forgetBefore);

    Optional<ConnectSession> find(String id);

    /** The session a login's {@code state} belongs to, used or not. */
    Optional<ConnectSession> findByState(String state);

    /**
     * Marks the state of a pending session used.
     *
     * @return whether this caller did, of all callers on all nodes: false when it was used already
     *     or the session is no longer pending
     */
    boolean useState(String id, String state);

    /** A pending session becomes connected; false when it was not pending. */
    boolean connected(String id, InstanceId instance, Sealed elementToken);

    /** A pending session becomes failed; false when it was not pending. */
    boolean failed(String id, ConnectFailure failure);

    /**
     * Removes the sealed element token of a connected session, if it still holds exactly {@code token}.
     *
     * @return whether this caller removed it (and may show it)
     */
    boolean removeElementToken(String id, Sealed token);
}
