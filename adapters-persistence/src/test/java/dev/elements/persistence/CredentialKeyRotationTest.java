package dev.elements.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.instance.Sealed;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.KeyInventory;
import dev.elements.core.port.in.KeyRotationReport;
import dev.elements.core.port.out.IdempotencyRecords.IdempotencyRecord;
import dev.elements.core.port.out.Sleeper;
import dev.elements.core.service.CredentialKeyService;
import dev.elements.core.service.CredentialVault;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import dev.elements.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's key rotation on this module's storage, with running servers: store A plays a server that
 * keeps sealing and opening, store B the operator's {@code keys rotate}, both on one PostgreSQL
 * database.
 */
class CredentialKeyRotationTest {
    /** For rotations with no other node to wait for. */
    private static final Sleeper NO_WAIT = duration -> { };
    private static final int SEEDED_INSTANCES = 30;
    private static final int SEEDED_ANSWERS = 10;

    @TempDir
    Path dataDirectory;

    @Test
    void rotatesWhileAnotherNodeKeepsSealingAndOpening() throws Exception {
        byte[] masterKey = TestStores.newMasterKey();
        String url = TestStores.freshPostgresUrl();
        TestClock serverClock = new TestClock(Fixtures.NOW);
        try (PersistenceStore server = PersistenceStore.open(url, "postgres", "", masterKey, serverClock);
                PersistenceStore operator = PersistenceStore.open(url, "postgres", "", masterKey)) {
            Principal owner = anOrganization(server);
            List<Instance> seeded = new ArrayList<>();
            for (int i = 0; i < SEEDED_INSTANCES; i++) {
                seeded.add(insertSealedInstance(server, owner, "seeded-" + i));
            }
            for (int i = 0; i < SEEDED_ANSWERS; i++) {
                storeSealedAnswer(server, owner.organizationId(), "answered-" + i);
            }
            server.idempotencyRecords().claim(owner.organizationId(), "pending", "fingerprint", Fixtures.NOW);
            String oldKey = keys(operator, NO_WAIT, 7).inventory().primaryKeyId();

            ServerNode node = new ServerNode(server, operator, owner, seeded, oldKey);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            // The rotation's wait for the servers, held open until the server has taken up the key.
            AtomicReference<Duration> graceAskedFor = new AtomicReference<>();
            CountDownLatch inGrace = new CountDownLatch(1);
            CountDownLatch graceOver = new CountDownLatch(1);
            Sleeper grace = duration -> {
                graceAskedFor.set(duration);
                inGrace.countDown();
                graceOver.await();
            };
            KeyRotationReport report;
            try {
                Future<?> serving = threads.submit(node::serve);
                // The server has written under the old key before the rotation begins.
                node.awaitMoreRounds(1);
                Future<KeyRotationReport> rotation = threads.submit(() -> keys(operator, grace, 7).rotate());
                assertThat(inGrace.await(60, TimeUnit.SECONDS)).as("the rotation added its key and waits").isTrue();
                assertThat(graceAskedFor.get()).isEqualTo(operator.credentialKeys().adoptionDelay())
                        .isGreaterThan(TinkCredentialCipher.STORED_KEYSET_MAX_AGE);
                serverClock.advance(TinkCredentialCipher.STORED_KEYSET_MAX_AGE);

                // During the grace period the server seals under the new key while every stored row
                // is still under the old one: both kinds must open, on both nodes.
                Sealed newKeySealed = node.firstSealedUnderANewKey.get(30, TimeUnit.SECONDS);
                assertThat(rotation.isDone()).as("still rotating").isFalse();
                Instance underOldKey = server.instances().findById(seeded.get(SEEDED_INSTANCES - 1).id()).orElseThrow();
                assertThat(underOldKey.secrets().keyId()).isEqualTo(oldKey);
                for (PersistenceStore store : List.of(server, operator)) {
                    assertThat(accessToken(store, underOldKey)).isEqualTo(expectedToken(underOldKey));
                }
                assertThat(newKeySealed.keyId()).isNotEqualTo(oldKey);

                graceOver.countDown();
                report = rotation.get(60, TimeUnit.SECONDS);
                node.awaitMoreRounds(3);
                node.stop();
                serving.get(30, TimeUnit.SECONDS);
            } finally {
                node.stop();
                threads.shutdownNow();
            }

            assertThat(node.failures).as("the server never failed to seal, store or open").isEmpty();
            assertThat(node.sealedKeyIds).contains(oldKey, report.primaryKeyId());
            assertThat(report.previousPrimaryKeyId()).isEqualTo(oldKey);
            assertThat(report.primaryKeyId()).isNotEqualTo(oldKey);
            assertThat(report.keysInKeyset()).isEqualTo(2);
            assertThat(report.instanceSecretsReencrypted()).isPositive();
            assertThat(report.idempotencyAnswersReencrypted()).isEqualTo(SEEDED_ANSWERS);
            assertThat(report.secretsLeftUnopened()).isZero();
            assertThat(report.passes()).isGreaterThanOrEqualTo(2);

            KeyInventory status = keys(operator, NO_WAIT, 7).inventory();
            assertThat(status.secretsUnderOlderKeys()).isZero();
            assertThat(status.primaryKeyId()).isEqualTo(report.primaryKeyId());
            assertThat(status.keyIds()).as("the old key stays, oldest first").containsExactly(oldKey, report.primaryKeyId());
            assertThat(status.instanceSecretsByKeyId()).containsOnlyKeys(report.primaryKeyId());
            assertThat(status.idempotencyAnswersByKeyId()).containsOnlyKeys(report.primaryKeyId());
            assertEverythingOpens(List.of(server, operator), owner.organizationId());

            for (Instance before : seeded) {
                Instance after = server.instances().findById(before.id()).orElseThrow();
                if (!node.touched.contains(before.id())) {
                    assertThat(after.version()).as("re-encryption is not a change of the instance")
                            .isEqualTo(before.version());
                    assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
                }
            }
            assertThat(server.idempotencyRecords().find(owner.organizationId(), "pending"))
                    .hasValueSatisfying(pending -> assertThat(pending.completed()).isFalse());
        }
    }

    @Test
    void aCopyWrittenBackAfterTheRowMovedIsKeptOpensAndMovesAtTheNextRotation() {
        byte[] masterKey = TestStores.newMasterKey();
        try (PersistenceStore store = TestStores.openPostgres(masterKey)) {
            Principal owner = anOrganization(store);
            Instance readBeforeTheRotation = insertSealedInstance(store, owner, "stale");

            KeyRotationReport first = keys(store, NO_WAIT, 10).rotate();
            Instance renamed = readBeforeTheRotation.change().name("renamed").at(Fixtures.NOW.plusSeconds(5));

            assertThat(store.instances().update(renamed)).as("a server's write never fails for a rotation").isTrue();
            KeyInventory status = keys(store, NO_WAIT, 10).inventory();
            assertThat(status.instanceSecretsByKeyId()).containsEntry(first.previousPrimaryKeyId(), 1L);
            assertThat(accessToken(store, store.instances().findById(renamed.id()).orElseThrow()))
                    .isEqualTo(expectedToken(renamed));

            KeyRotationReport second = keys(store, NO_WAIT, 10).rotate();

            assertThat(second.instanceSecretsReencrypted()).isEqualTo(1);
            assertThat(keys(store, NO_WAIT, 10).inventory().secretsUnderOlderKeys()).isZero();
            Instance stored = store.instances().findById(renamed.id()).orElseThrow();
            assertThat(stored.name()).isEqualTo("renamed");
            assertThat(stored.version()).isEqualTo(renamed.version());
            assertThat(accessToken(store, stored)).isEqualTo(expectedToken(stored));
        }
    }

    @Test
    void aRowThatDoesNotOpenIsLeftUnderItsKeyAndReported() {
        try (PersistenceStore store = TestStores.openPostgres(TestStores.newMasterKey())) {
            Principal owner = anOrganization(store);
            Instance good = insertSealedInstance(store, owner, "good");
            Instance moved = Fixtures.instance(store.instances().nextId(), owner.organizationId(), owner.user().id(),
                    "copied-ciphertext", List.of())
                    .change()
                    .secrets(good.secrets())
                    .at(Fixtures.NOW);
            store.instances().insert(moved);

            KeyRotationReport report = keys(store, NO_WAIT, 10).rotate();

            assertThat(report.instanceSecretsReencrypted()).isEqualTo(1);
            assertThat(report.secretsLeftUnopened()).isEqualTo(1);
            KeyInventory status = keys(store, NO_WAIT, 10).inventory();
            assertThat(status.instanceSecretsByKeyId())
                    .containsEntry(report.previousPrimaryKeyId(), 1L)
                    .containsEntry(report.primaryKeyId(), 1L);
            assertThat(accessToken(store, store.instances().findById(good.id()).orElseThrow()))
                    .isEqualTo(expectedToken(good));
        }
    }

    @Test
    void rotatingTwiceOnH2WorksAndAWrongMasterKeyStillFailsClearly() {
        rotateTwiceThenTryAWrongMasterKey(PersistenceStore.h2FileUrl(dataDirectory), "");
    }

    @Test
    void rotatingTwiceOnPostgresWorksAndAWrongMasterKeyStillFailsClearly() {
        rotateTwiceThenTryAWrongMasterKey(TestStores.freshPostgresUrl(), "postgres");
    }

    private static void rotateTwiceThenTryAWrongMasterKey(String url, String user) {
        byte[] masterKey = TestStores.newMasterKey();
        OrganizationId organization;
        String firstKey;
        try (PersistenceStore store = PersistenceStore.open(url, user, "", masterKey)) {
            Principal owner = anOrganization(store);
            organization = owner.organizationId();
            for (int i = 0; i < 5; i++) {
                insertSealedInstance(store, owner, "twice-" + i);
                storeSealedAnswer(store, organization, "twice-" + i);
            }
            firstKey = keys(store, NO_WAIT, 2).inventory().primaryKeyId();

            KeyRotationReport first = keys(store, NO_WAIT, 2).rotate();
            KeyRotationReport second = keys(store, NO_WAIT, 2).rotate();

            assertThat(first.secretsReencrypted()).isEqualTo(10);
            assertThat(second.secretsReencrypted()).isEqualTo(10);
            assertThat(second.previousPrimaryKeyId()).isEqualTo(first.primaryKeyId());
            assertThat(second.keysInKeyset()).isEqualTo(3);
            KeyInventory status = keys(store, NO_WAIT, 2).inventory();
            assertThat(status.keyIds()).containsExactly(firstKey, first.primaryKeyId(), second.primaryKeyId());
            assertThat(status.secretsUnderOlderKeys()).isZero();
            assertEverythingOpens(List.of(store), organization);
        }

        assertThatThrownBy(() -> PersistenceStore.open(url, user, "", TestStores.newMasterKey()))
                .isInstanceOf(PersistenceStartupException.class)
                .hasMessageContaining("The master key does not open the encryption keys stored in the database");

        try (PersistenceStore reopened = PersistenceStore.open(url, user, "", masterKey)) {
            assertEverythingOpens(List.of(reopened), organization);
            Sealed fresh = reopened.credentialCipher().seal(new byte[] {1}, new byte[] {2});
            assertThat(fresh.keyId()).isEqualTo(reopened.credentialKeys().keyset().primaryKeyId()).isNotEqualTo(firstKey);
        }
    }

    /** A server at work: provisions instances and renews existing ones, opening everything it wrote. */
    private static final class ServerNode {
        final Set<String> sealedKeyIds = ConcurrentHashMap.newKeySet();
        final Set<InstanceId> touched = ConcurrentHashMap.newKeySet();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final CompletableFuture<Sealed> firstSealedUnderANewKey = new CompletableFuture<>();
        private final Semaphore rounds = new Semaphore(0);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final String oldKey;
        private final PersistenceStore server;
        private final PersistenceStore otherNode;
        private final Principal owner;
        private final List<Instance> renewable;

        ServerNode(PersistenceStore server, PersistenceStore otherNode, Principal owner, List<Instance> seeded,
                String oldKey) {
            this.server = server;
            this.oldKey = oldKey;
            this.otherNode = otherNode;
            this.owner = owner;
            // Renewals touch the first few seeded instances only, so that the last ones certainly
            // wait under the old key until the rotation moves them.
            this.renewable = List.copyOf(seeded.subList(0, 5));
        }

        void serve() {
            int round = 0;
            while (running.get()) {
                try {
                    Instance provisioned = insertSealedInstance(server, owner, "provisioned-" + round);
                    record(provisioned);
                    renew(renewable.get(ThreadLocalRandom.current().nextInt(renewable.size())).id());
                    round++;
                    rounds.release();
                } catch (RuntimeException | AssertionError e) {
                    failures.add(e.toString());
                }
            }
        }

        private void renew(InstanceId id) {
            Instance current = server.instances().findById(id).orElseThrow();
            InstanceSecrets secrets = new CredentialVault(server.credentialCipher()).open(current);
            Instance renewed = current.change()
                    .secrets(new CredentialVault(server.credentialCipher())
                            .seal(secrets, current.organizationId(), current.id()))
                    .at(current.updatedAt().plusMillis(1));
            if (!server.instances().update(renewed)) {
                failures.add("renewal of " + id + " lost to another writer");
                return;
            }
            touched.add(id);
            record(renewed);
        }

        private void record(Instance written) {
            sealedKeyIds.add(written.secrets().keyId());
            if (!written.secrets().keyId().equals(oldKey)) {
                firstSealedUnderANewKey.complete(written.secrets());
            }
            for (PersistenceStore node : List.of(server, otherNode)) {
                if (!accessToken(node, written).equals(expectedToken(written))) {
                    failures.add("instance " + written.id() + " opened to something else");
                }
            }
        }

        /** Lets the server work on for a few rounds, after a rotation for instance. */
        void awaitMoreRounds(int more) throws InterruptedException {
            rounds.drainPermits();
            assertThat(rounds.tryAcquire(more, 30, TimeUnit.SECONDS)).as("the server keeps working").isTrue();
        }

        void stop() {
            running.set(false);
        }
    }

    /** Core's key rotation over this module's storage, as the server and {@code keys rotate} build it. */
    private static CredentialKeyService keys(PersistenceStore store, Sleeper sleeper, int batchSize) {
        return new CredentialKeyService(store.credentialKeys(), store.sealedSecrets(),
                new CredentialVault(store.credentialCipher()), sleeper, batchSize);
    }

    private static Principal anOrganization(PersistenceStore store) {
        return store.tenants().createOrganization("Rotating", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@rotating.example", Role.ORG_ADMIN));
    }

    private static Instance insertSealedInstance(PersistenceStore store, Principal owner, String name) {
        InstanceId id = store.instances().nextId();
        InstanceSecrets secrets = new InstanceSecrets(
                new TokenSet("token-" + id.value(), null, Fixtures.NOW.plusSeconds(3600), List.of("email"), "42"),
                Map.of("oauth.api.secret", "secret-" + id.value()));
        Instance instance = Fixtures.instance(id, owner.organizationId(), owner.user().id(), name, List.of())
                .change()
                .secrets(new CredentialVault(store.credentialCipher()).seal(secrets, owner.organizationId(), id))
                .at(Fixtures.NOW);
        store.instances().insert(instance);
        return instance;
    }

    private static String expectedToken(Instance instance) {
        return "token-" + instance.id().value();
    }

    private static String accessToken(PersistenceStore store, Instance instance) {
        return new CredentialVault(store.credentialCipher()).open(instance).tokens().accessToken();
    }

    private static void storeSealedAnswer(PersistenceStore store, OrganizationId organization, String key) {
        store.idempotencyRecords().claim(organization, key, "fingerprint-" + key, Fixtures.NOW);
        store.idempotencyRecords().complete(organization, key, store.credentialCipher()
                .seal(("answer-" + key).getBytes(UTF_8), answerAssociatedData(organization, key)));
    }

    /** As core seals an answer; spelled out here so that a change on either side shows. */
    private static byte[] answerAssociatedData(OrganizationId organization, String key) {
        return ("idempotency|" + organization.value() + "|" + key).getBytes(UTF_8);
    }

    private static void assertEverythingOpens(List<PersistenceStore> stores, OrganizationId organization) {
        PersistenceStore any = stores.get(0);
        List<Instance> instances = any.instances().list(organization,
                dev.elements.core.port.out.InstanceQuery.all());
        List<String> answerKeys = any.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT idempotency_key FROM idempotency_records WHERE answer_key_id IS NOT NULL")
                .mapTo(String.class)
                .list());
        assertThat(instances).isNotEmpty();
        for (PersistenceStore store : stores) {
            for (Instance instance : instances) {
                assertThat(accessToken(store, instance)).isEqualTo(expectedToken(instance));
            }
            for (String key : answerKeys) {
                IdempotencyRecord record = store.idempotencyRecords().find(organization, key).orElseThrow();
                assertThat(new String(store.credentialCipher().open(record.answer(),
                        answerAssociatedData(organization, key)), UTF_8)).isEqualTo("answer-" + key);
            }
        }
    }
}
