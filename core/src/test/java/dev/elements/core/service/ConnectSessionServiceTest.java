package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.Elements;
import dev.elements.core.connect.ConnectSession;
import dev.elements.core.connect.ConnectSessionStatus;
import dev.elements.core.instance.Sealed;
import dev.elements.core.memory.InMemoryConnectSessions;
import dev.elements.core.memory.InMemoryIdempotencyRecords;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryProviderUsageLedger;
import dev.elements.core.memory.InMemoryRefreshLeases;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.port.in.ConnectCallbackCommand;
import dev.elements.core.port.in.ConnectOutcome;
import dev.elements.core.port.in.ConnectSessionCreated;
import dev.elements.core.port.in.CreateConnectSessionCommand;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a connect session keeps: the configuration and the new element token sealed, the token only until read. */
class ConnectSessionServiceTest {
    private static final URI CALLBACK = URI.create("https://elements.example/connect/callback");
    private static final String CLIENT_SECRET = "canary-client-secret";

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final ScriptedElementProvider provider = new ScriptedElementProvider();
    private final InMemoryConnectSessions sessions = new InMemoryConnectSessions();
    private final Elements elements = Elements.builder()
            .instances(new InMemoryInstanceRepository()).tenants(new InMemoryTenantRepository(clock))
            .cipher(new ScramblingCipher()).leases(new InMemoryRefreshLeases())
            .idempotency(new InMemoryIdempotencyRecords()).usageLedger(new InMemoryProviderUsageLedger())
            .connectSessions(sessions).clock(clock).provider(provider).build();
    private final Principal principal = elements.bootstrap().createFirstIfEmpty(null, null).orElseThrow().principal();

    /** Seals for real enough that a plaintext never shows in what is stored. */
    private static final class ScramblingCipher implements CredentialCipher {
        private final PassThroughCipher bound = new PassThroughCipher();

        @Override
        public Sealed seal(byte[] plaintext, byte[] associatedData) {
            return bound.seal(scrambled(plaintext), associatedData);
        }

        @Override
        public byte[] open(Sealed sealed, byte[] associatedData) {
            return scrambled(bound.open(sealed, associatedData));
        }

        private static byte[] scrambled(byte[] bytes) {
            byte[] scrambled = bytes.clone();
            for (int i = 0; i < scrambled.length; i++) {
                scrambled[i] ^= 0x5A;
            }
            return scrambled;
        }
    }

    private ConnectSession stored(String id) {
        return sessions.find(id).orElseThrow();
    }

    private static String text(Sealed sealed) {
        return new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void theConfigurationIsKeptSealedAndTheTokenOnlyUntilItsFirstRead() {
        ConnectSessionCreated created = elements.connect().create(new CreateConnectSessionCommand(principal,
                "scripted", Map.of("oauth.api.key", "app-1", "oauth.api.secret", CLIENT_SECRET), List.of("t"),
                "named", "https://app.example/done", CALLBACK));
        assertThat(text(stored(created.id()).configuration())).doesNotContain(CLIENT_SECRET, "app-1");

        provider.accept("code-1", "provider-user-1");
        String state = stored(created.id()).state();
        ConnectOutcome outcome = elements.connect().complete(new ConnectCallbackCommand(state, "code-1", null,
                CALLBACK));
        assertThat(outcome.failure()).isNull();
        assertThat(provider.seenConfigurations().get(0).get("oauth.api.secret")).contains(CLIENT_SECRET);
        assertThat(provider.seenConfigurations().get(0).get("oauth.callback.url")).contains(CALLBACK.toString());

        ConnectSession connected = stored(created.id());
        assertThat(connected.status()).isEqualTo(ConnectSessionStatus.CONNECTED);
        assertThat(connected.elementToken()).isNotNull();
        String token = elements.connect().session(principal, created.id()).instance().token().orElseThrow();
        assertThat(text(connected.elementToken())).doesNotContain(token);
        assertThat(stored(created.id()).elementToken()).as("removed once shown").isNull();
        assertThat(elements.connect().session(principal, created.id()).instance().token()).isEmpty();
    }
}
