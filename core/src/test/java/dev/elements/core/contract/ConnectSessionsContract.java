package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.connect.ConnectSession;
import dev.elements.core.connect.ConnectSessionStatus;
import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.ConnectSessions;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.UserId;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.SimultaneousCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectSessions} must do; storages extend this class. */
public abstract class ConnectSessionsContract {
    private static final Instant NOW = Fixtures.NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private static final OrganizationId ORGANIZATION = new OrganizationId(1);
    private static final UserId OWNER = new UserId(1);
    private static final InstanceId INSTANCE = new InstanceId(7);

    private ConnectSessions sessions;

    /** An empty store. */
    protected abstract ConnectSessions emptyStore();

    @BeforeEach
    void anEmptyStore() {
        sessions = emptyStore();
    }

    private ConnectSession session(String id, String state, Instant createdAt) {
        return new ConnectSession(id, ORGANIZATION, OWNER, ElementKey.of("facebooksocial"), "Ada's page",
                List.of("crm", "eu"), "https://app.example/connected?x=1",
                new Sealed("key-1", ("configuration of " + id).getBytes(StandardCharsets.UTF_8)), state, false,
                ConnectSessionStatus.PENDING, null, null, null, createdAt, createdAt.plus(LIFETIME));
    }

    private static Sealed token(String value) {
        return new Sealed("key-1", value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSessionIsFoundByItsIdAndByItsStateWithEverythingItHeld() {
        ConnectSession made = session("session-1", "state-1", NOW);
        sessions.insert(made, NOW.minus(Duration.ofDays(1)));

        assertThat(sessions.find("session-1")).contains(made);
        assertThat(sessions.findByState("state-1")).contains(made);
        assertThat(sessions.find("state-1")).isEmpty();
        assertThat(sessions.findByState("session-1")).isEmpty();
    }

    @Test
    void aStateIsUsedOnceAndOnlyWithItsSession() {
        sessions.insert(session("session-1", "state-1", NOW), NOW);
        sessions.insert(session("session-2", "state-2", NOW), NOW);

        assertThat(sessions.useState("session-1", "state-2")).isFalse();
        assertThat(sessions.useState("session-1", "state-1")).isTrue();
        assertThat(sessions.useState("session-1", "state-1")).isFalse();
        assertThat(sessions.find("session-1").orElseThrow().stateUsed()).isTrue();
        assertThat(sessions.find("session-2").orElseThrow().stateUsed()).isFalse();
        assertThat(sessions.useState("unknown", "state-1")).isFalse();
    }

    @Test
    void ofSimultaneousUsesOfAStateExactlyOneWins() throws Exception {
        sessions.insert(session("session-1", "state-1", NOW), NOW);
        List<Callable<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uses.add(() -> sessions.useState("session-1", "state-1"));
        }
        assertThat(SimultaneousCalls.race(uses)).containsOnlyOnce(true);
    }

    @Test
    void aPendingSessionConnectsOnceAndKeepsItsTokenUntilRemoved() {
        sessions.insert(session("session-1", "state-1", NOW), NOW);
        sessions.useState("session-1", "state-1");

        assertThat(sessions.connected("session-1", INSTANCE, token("sealed-token"))).isTrue();
        assertThat(sessions.connected("session-1", INSTANCE, token("another"))).isFalse();
        assertThat(sessions.failed("session-1", ConnectFailure.EXPIRED)).isFalse();

        ConnectSession connected = sessions.find("session-1").orElseThrow();
        assertThat(connected.status()).isEqualTo(ConnectSessionStatus.CONNECTED);
        assertThat(connected.instance()).isEqualTo(INSTANCE);
        assertThat(connected.elementToken()).isEqualTo(token("sealed-token"));
        assertThat(connected.stateUsed()).isTrue();

        assertThat(sessions.removeElementToken("session-1", token("another"))).isFalse();
        assertThat(sessions.removeElementToken("session-1", token("sealed-token"))).isTrue();
        assertThat(sessions.removeElementToken("session-1", token("sealed-token"))).isFalse();
        assertThat(sessions.find("session-1").orElseThrow().elementToken()).isNull();
        assertThat(sessions.find("session-1").orElseThrow().instance()).isEqualTo(INSTANCE);
    }

    @Test
    void ofSimultaneousRemovalsOfATokenExactlyOneWins() throws Exception {
        sessions.insert(session("session-1", "state-1", NOW), NOW);
        sessions.connected("session-1", INSTANCE, token("sealed-token"));
        List<Callable<Boolean>> removals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            removals.add(() -> sessions.removeElementToken("session-1", token("sealed-token")));
        }
        assertThat(SimultaneousCalls.race(removals)).containsOnlyOnce(true);
    }

    @Test
    void aPendingSessionFailsOnceWithItsReason() {
        sessions.insert(session("session-1", "state-1", NOW), NOW);

        assertThat(sessions.failed("session-1", ConnectFailure.ACCESS_DENIED)).isTrue();
        assertThat(sessions.failed("session-1", ConnectFailure.EXPIRED)).isFalse();
        assertThat(sessions.connected("session-1", INSTANCE, token("t"))).isFalse();
        assertThat(sessions.useState("session-1", "state-1")).isFalse();

        ConnectSession failed = sessions.find("session-1").orElseThrow();
        assertThat(failed.status()).isEqualTo(ConnectSessionStatus.FAILED);
        assertThat(failed.failure()).isEqualTo(ConnectFailure.ACCESS_DENIED);
        assertThat(failed.instance()).isNull();
    }

    @Test
    void sessionsExpiredBeforeTheGivenTimeAreForgottenWhenANewOneIsKept() {
        sessions.insert(session("old", "state-old", NOW.minus(Duration.ofDays(2))), NOW);
        sessions.insert(session("recent", "state-recent", NOW.minus(Duration.ofMinutes(20))), NOW);

        sessions.insert(session("new", "state-new", NOW), NOW.minus(Duration.ofDays(1)));

        assertThat(sessions.find("old")).isEmpty();
        assertThat(sessions.findByState("state-old")).isEmpty();
        assertThat(sessions.find("recent")).isPresent();
        assertThat(sessions.find("new")).isPresent();
    }

    @Test
    void aSessionWithoutNameOrTagsReadsBackSo() {
        ConnectSession plain = new ConnectSession("session-1", ORGANIZATION, OWNER,
                ElementKey.of("facebooksocial"), null, List.of(), "http://localhost:3000/done",
                new Sealed("key-1", new byte[] {1, 2, 3}), "state-1", false, ConnectSessionStatus.PENDING, null, null,
                null, NOW, NOW.plus(LIFETIME));
        sessions.insert(plain, NOW);
        assertThat(sessions.find("session-1")).contains(plain);
    }
}
