package dev.elements.core.memory;

import static java.util.Objects.requireNonNull;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.connect.ConnectSession;
import dev.elements.core.connect.ConnectSessionStatus;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.ConnectSessions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Connect sessions in this process only: for embedding and tests; a cluster shares a database. */
public final class InMemoryConnectSessions implements ConnectSessions {
    private final Map<String, ConnectSession> sessions = new LinkedHashMap<>();

    @Override
    public synchronized void insert(ConnectSession session, Instant forgetBefore) {
        requireNonNull(session, "session");
        sessions.values().removeIf(kept -> kept.expiresAt().isBefore(forgetBefore));
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new IllegalStateException("A connect session with this id exists already");
        }
    }

    @Override
    public synchronized Optional<ConnectSession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public synchronized Optional<ConnectSession> findByState(String state) {
        return sessions.values().stream().filter(session -> session.state().equals(state)).findFirst();
    }

    @Override
    public synchronized boolean useState(String id, String state) {
        return change(id, session -> session.state().equals(state) && !session.stateUsed()
                && session.status() == ConnectSessionStatus.PENDING
                        ? with(session, true, ConnectSessionStatus.PENDING, null, null, null)
                        : null);
    }

    @Override
    public synchronized boolean connected(String id, InstanceId instance, Sealed elementToken) {
        requireNonNull(instance, "instance");
        requireNonNull(elementToken, "elementToken");
        return change(id, session -> session.status() == ConnectSessionStatus.PENDING
                ? with(session, session.stateUsed(), ConnectSessionStatus.CONNECTED, instance, elementToken, null)
                : null);
    }

    @Override
    public synchronized boolean failed(String id, ConnectFailure failure) {
        requireNonNull(failure, "failure");
        return change(id, session -> session.status() == ConnectSessionStatus.PENDING
                ? with(session, session.stateUsed(), ConnectSessionStatus.FAILED, null, null, failure)
                : null);
    }

    @Override
    public synchronized boolean removeElementToken(String id, Sealed token) {
        return change(id, session -> token.equals(session.elementToken())
                ? with(session, session.stateUsed(), session.status(), session.instance(), null, session.failure())
                : null);
    }

    /** @param changed the new session, or null to leave it */
    private boolean change(String id, UnaryOperator<ConnectSession> changed) {
        ConnectSession session = sessions.get(id);
        ConnectSession after = session == null ? null : changed.apply(session);
        if (after == null) {
            return false;
        }
        sessions.put(id, after);
        return true;
    }

    private static ConnectSession with(ConnectSession session, boolean stateUsed, ConnectSessionStatus status,
            InstanceId instance, Sealed elementToken, ConnectFailure failure) {
        return new ConnectSession(session.id(), session.organization(), session.owner(), session.element(),
                session.name(), session.tags(), session.redirectUrl(), session.configuration(), session.state(),
                stateUsed, status, instance, elementToken, failure, session.createdAt(), session.expiresAt());
    }
}
