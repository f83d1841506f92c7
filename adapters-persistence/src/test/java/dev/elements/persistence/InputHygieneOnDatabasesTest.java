package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.Elements;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.AddUserCommand;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.DatabaseKind;
import dev.elements.testing.TestClock;
import dev.elements.testing.TestDatabases;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A NUL in a name reached PostgreSQL (which refuses it, SQLSTATE 22021) only after the provider had
 * been asked, while H2 stored it. Control characters are now refused the same way on both, before
 * the provider is asked; ordinary text of any script is stored and read back unchanged on both.
 */
class InputHygieneOnDatabasesTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private final ScriptedElementProvider provider = new ScriptedElementProvider();
    private PersistenceStore store;
    private int codes;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private Elements servicesOn(DatabaseKind kind) {
        store = TestStores.open(DATABASES.create(kind), TestStores.newMasterKey());
        return Elements.builder()
                .instances(store.instances()).tenants(store.tenants()).cipher(store.credentialCipher())
                .leases(store.refreshLeases()).idempotency(store.idempotencyRecords())
                .usageLedger(store.providerUsageLedger()).clock(new TestClock(Fixtures.NOW)).provider(provider)
                .build();
    }

    private ProvisionInstanceCommand provisioning(Principal principal, String name, List<String> tags) {
        String code = "code-" + (++codes);
        provider.accept(code, "provider-user-" + codes);
        return new ProvisionInstanceCommand(principal, ScriptedElementProvider.KEY, code, Platform.configuration(),
                tags, name, null);
    }

    private static void assertRefusedNaming(ThrowingCallable call, String field) {
        PlatformException refused = catchThrowableOfType(call, PlatformException.class);
        assertThat(refused).as(field).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(refused.getMessage()).startsWith(field);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void controlCharactersAreRefusedBeforeTheProviderIsAskedOnEveryDatabase(DatabaseKind kind) {
        Elements elements = servicesOn(kind);
        Principal principal = elements.bootstrap().createFirstIfEmpty(Fixtures.secret(), Fixtures.secret())
                .orElseThrow().principal();

        assertRefusedNaming(() -> elements.provisioning().provision(provisioning(principal, "a\u0000b", List.of())),
                "name");
        assertRefusedNaming(() -> elements.provisioning().provision(provisioning(principal, "ok",
                List.of("gnp.exe\u202e"))), "tags");
        assertRefusedNaming(() -> elements.tenants().addUser(principal,
                new AddUserCommand("ada@example.com", "Ada", "Love\u0000lace", null)), "lastName");
        assertThat(provider.exchanges()).isZero();

        InstanceDescription created = elements.provisioning().provision(provisioning(principal,
                "Zoë – 東京 😀 مرحبا", List.of("café", "a\u200db")));
        InstanceDescription read = elements.instances().instance(principal, created.id());
        assertThat(read.name()).isEqualTo("Zoë – 東京 😀 مرحبا");
        assertThat(read.tags()).containsExactly("café", "a\u200db");
    }
}
