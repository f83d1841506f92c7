package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.SealedSecrets.Kind;
import dev.elements.core.port.out.SealedSecrets.StoredSecret;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import dev.elements.testing.Await;
import dev.elements.testing.DatabaseKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Token lookups are answered from the store's cache, and every write the store makes to an
 * instance row is seen by the next lookup at once, on H2 and on PostgreSQL.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(DatabaseKind.class)
class CachedTokenLookupTest {
    @RegisterExtension
    static final DatabaseStores STORES = new DatabaseStores();

    @Parameter
    DatabaseKind database;

    private PersistenceStore store;
    private InstanceRepository instances;
    private Instance instance;

    @BeforeEach
    void anInstanceLookedUpOnce() {
        store = STORES.emptied(database);
        instances = store.instances();
        // On PostgreSQL the cache keeps nothing until the store listens for other nodes' writes.
        Await.until("the token cache is enabled", Duration.ofSeconds(30), store.instanceTokens()::enabled);
        Principal owner = Fixtures.organization(store.tenants(), "Cached");
        instance = Fixtures.instance(instances.nextId(), owner.organizationId(), owner.user().id(), "cached",
                List.of("tag"));
        instances.insert(instance);
        assertThat(instances.findByTokenDigest(instance.tokenDigest())).contains(instance);
        assertThat(store.instanceTokens().size()).isEqualTo(1);
    }

    @Test
    void aSecondLookupIsAnsweredFromTheCache() {
        // Written behind the store's back, so no invalidation: only a lookup that asks the database sees it.
        // Such a write is seen after InstanceTokenCache.TRUSTED_FOR on H2, and on PostgreSQL only if it notifies.
        store.jdbi().useHandle(handle -> handle.createUpdate("UPDATE instances SET name = 'behind' WHERE id = :id")
                .bind("id", instance.id().value()).execute());

        assertThat(instances.findByTokenDigest(instance.tokenDigest())).contains(instance);

        store.instanceTokens().invalidate(instance.id());
        assertThat(instances.findByTokenDigest(instance.tokenDigest())).get().extracting(Instance::name)
                .isEqualTo("behind");
    }

    @Test
    void disablingIsSeenAtOnce() {
        Instance disabled = instance.change().disabled(true).at(Fixtures.NOW);
        assertThat(instances.update(disabled)).isTrue();

        assertThat(instances.findByTokenDigest(instance.tokenDigest())).contains(disabled);
    }

    @Test
    void aNewTokenIsSeenAtOnceAndTheOldOneFindsNothing() {
        Instance newToken = instance.change().tokenDigest(SecretDigest.of(Fixtures.secret())).at(Fixtures.NOW);
        assertThat(instances.update(newToken)).isTrue();

        assertThat(instances.findByTokenDigest(instance.tokenDigest())).isEmpty();
        assertThat(instances.findByTokenDigest(newToken.tokenDigest())).contains(newToken);
    }

    @Test
    void aStatusChangeIsSeenAtOnce() {
        Instance rejected = instance.change().credentials(instance.credentials().rejected("revoked"))
                .at(Fixtures.NOW);
        assertThat(instances.update(rejected)).isTrue();

        assertThat(instances.findByTokenDigest(instance.tokenDigest())).get().extracting(Instance::status)
                .isEqualTo(InstanceStatus.NEEDS_REAUTH);
    }

    @Test
    void aDeleteIsSeenAtOnce() {
        assertThat(instances.delete(instance.organizationId(), instance.id())).isTrue();

        assertThat(instances.findByTokenDigest(instance.tokenDigest())).isEmpty();
    }

    @Test
    void aKeyRotationsResealIsSeenAtOnce() {
        StoredSecret stored = store.sealedSecrets().underOtherKeysThan("key-2", Kind.INSTANCE_SECRETS, null, 10)
                .get(0);
        Sealed resealed = new Sealed("key-2", new byte[] {9, 9, 9});
        assertThat(store.sealedSecrets().replace(stored, resealed)).isTrue();

        assertThat(instances.findByTokenDigest(instance.tokenDigest())).get().extracting(Instance::secrets)
                .isEqualTo(resealed);
    }
}
