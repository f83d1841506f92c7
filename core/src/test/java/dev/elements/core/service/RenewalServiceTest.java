package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import dev.elements.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RenewalServiceTest {
    private final Platform platform = new Platform();
    private final RenewalService renewals = platform.elements.renewals();

    @Test
    void nothingIsRenewedBeforeItIsDueAndADueInstanceIsRenewedOnce() {
        InstanceDescription created = platform.provision("x", List.of());
        String first = platform.secretsOf(created).tokens().accessToken();

        assertThat(renewals.renewDue(10)).isZero();
        platform.clock.advance(Duration.ofHours(1));
        assertThat(renewals.renewDue(10)).isEqualTo(1);
        assertThat(renewals.renewDue(10)).as("the next renewal is an hour away again").isZero();

        Instance renewed = platform.stored(created);
        assertThat(platform.provider.renewals()).isEqualTo(1);
        assertThat(platform.secretsOf(created).tokens().accessToken()).isNotEqualTo(first);
        assertThat(renewed.credentials().lastRenewedAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofHours(1)));
        assertThat(renewed.credentials().nextRenewalAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofHours(2)));
        assertThat(platform.secretsOf(created).secretConfiguration()).containsEntry("oauth.api.secret",
                "canary-app-secret");
    }

    @Test
    void stoppingTheBackgroundRenewalLetsTheRenewalInFlightFinish() throws Exception {
        InstanceDescription created = platform.provision("x", List.of());
        String first = platform.secretsOf(created).tokens().accessToken();
        platform.clock.advance(Duration.ofHours(1));
        CountDownLatch release = new CountDownLatch(1);
        platform.provider.holdRenewalsUntil(release);
        AutoCloseable background = renewals.startBackground(Duration.ofMillis(5), 10);
        assertThat(platform.provider.awaitRenewalStarted(Duration.ofSeconds(30))).isTrue();

        Thread stopper = new Thread(() -> {
            try {
                background.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopper.start();
        // The stop is under way once it waits for the pass in flight to end (or, as it once did,
        // has ended by interrupting it).
        Await.until("the stop waits for the renewal", Duration.ofSeconds(30),
                () -> stopper.getState() == Thread.State.TIMED_WAITING || !stopper.isAlive());
        release.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(stopper.isAlive()).isFalse();
        assertThat(platform.stored(created).status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(platform.secretsOf(created).tokens().accessToken()).isNotEqualTo(first);
    }

    @Test
    void manyConcurrentCallersOfADueInstanceAskTheProviderOnceAndAllSeeTheNewToken() throws Exception {
        InstanceDescription created = platform.provision("x", List.of());
        platform.clock.advance(Duration.ofHours(1));
        // The renewal ends only once every caller has arrived, so that all of them overlap it.
        CountDownLatch arrived = new CountDownLatch(32);
        platform.provider.holdRenewalsUntil(arrived);
        Instance due = platform.stored(created);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> callers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                boolean explicit = i % 2 == 0;
                callers.add(pool.submit(() -> {
                    start.await();
                    arrived.countDown();
                    Instance seen = explicit
                            ? renewals.renewNow(due)
                            : renewals.renewIfDue(due);
                    return platform.secretsOf(created).tokens().accessToken() + "|" + seen.version();
                }));
            }
            start.countDown();
            List<String> seen = new ArrayList<>();
            for (Future<String> caller : callers) {
                seen.add(caller.get(30, TimeUnit.SECONDS));
            }
            assertThat(platform.provider.renewals()).isEqualTo(1);
            assertThat(seen).hasSize(32).containsOnly(seen.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRejectionNeedsReauthorizationAndStopsRenewals() {
        InstanceDescription created = platform.provision("x", List.of());
        platform.clock.advance(Duration.ofHours(1));
        platform.provider.failNext(ProviderErrorClass.INVALID_TOKEN, "Error validating access token: revoked");

        renewals.renewDue(10);

        Instance rejected = platform.stored(created);
        assertThat(rejected.status()).isEqualTo(InstanceStatus.NEEDS_REAUTH);
        assertThat(rejected.valid()).isFalse();
        assertThat(rejected.statusReason()).contains("Error validating access token: revoked");
        platform.clock.advance(Duration.ofDays(30));
        assertThat(renewals.renewDue(10)).isZero();
        assertThat(platform.provider.renewals()).isEqualTo(1);
        assertThat(renewals.renewIfDue(platform.stored(created)).status())
                .as("not due: a rejected instance is not renewed inline either").isEqualTo(InstanceStatus.NEEDS_REAUTH);
        assertThat(platform.provider.renewals()).isEqualTo(1);
    }

    @Test
    void anOutageKeepsTheCredentialsAndRetriesLaterEachTime() {
        InstanceDescription created = platform.provision("x", List.of());
        String token = platform.secretsOf(created).tokens().accessToken();
        platform.clock.advance(Duration.ofHours(1));

        platform.provider.failNext(ProviderErrorClass.TRANSIENT, "(#2) Service temporarily unavailable");
        renewals.renewDue(10);
        Instance once = platform.stored(created);
        platform.clock.advance(Duration.between(platform.clock.instant(), once.credentials().nextRenewalAt()));
        platform.provider.failNext(ProviderErrorClass.TIMEOUT, "slow");
        renewals.renewDue(10);
        Instance twice = platform.stored(created);

        assertThat(once.status()).isEqualTo(InstanceStatus.REFRESH_FAILING);
        assertThat(twice.status()).isEqualTo(InstanceStatus.REFRESH_FAILING);
        assertThat(twice.valid()).isTrue();
        assertThat(platform.secretsOf(created).tokens().accessToken()).isEqualTo(token);
        Duration firstDelay = Duration.between(Fixtures.NOW.plus(Duration.ofHours(1)), once.credentials().nextRenewalAt());
        Duration secondDelay = Duration.between(once.credentials().nextRenewalAt(), twice.credentials().nextRenewalAt());
        assertThat(secondDelay).isGreaterThan(firstDelay);

        assertThat(renewals.renewIfDue(twice).id()).as("inline use goes on with the old token").isEqualTo(created.id());

        platform.clock.advance(Duration.ofHours(2));
        renewals.renewDue(10);
        assertThat(platform.stored(created).status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(platform.stored(created).credentials().consecutiveFailures()).isZero();
    }

    @Test
    void anExplicitRefreshReportsTheProvidersRefusal() {
        InstanceDescription created = platform.provision("x", List.of());
        platform.provider.failNext(ProviderErrorClass.INVALID_GRANT, "The user has not authorized application");

        assertThatThrownBy(() -> platform.elements.instances().refresh(platform.principal, created.id()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TOKEN_REJECTED);
                    assertThat(e.providerMessage()).contains("The user has not authorized application");
                });
        assertThat(platform.elements.instances().instance(platform.principal, created.id()).valid()).isFalse();
    }

    @Test
    void aReauthorizationDuringARenewalWinsOverTheRenewalsOlderResult() throws Exception {
        InstanceDescription created = platform.provision("x", List.of());
        platform.clock.advance(Duration.ofHours(1));
        CountDownLatch gate = new CountDownLatch(1);
        platform.provider.holdRenewalsUntil(gate);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> renewal = pool.submit(() -> renewals.renewDue(10));
            assertThat(platform.provider.awaitRenewalStarted(Duration.ofSeconds(30))).isTrue();
            platform.elements.instances().update(platform.principal, created.id(), new UpdateInstanceCommand(false,
                    null, null, null, platform.code(), null));
            String reauthorized = platform.secretsOf(created).tokens().accessToken();
            gate.countDown();
            renewal.get(30, TimeUnit.SECONDS);

            assertThat(platform.secretsOf(created).tokens().accessToken()).isEqualTo(reauthorized);
            assertThat(reauthorized).doesNotContain("renewed");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBackgroundRenewalRunsUntilStopped() throws Exception {
        InstanceDescription created = platform.provision("x", List.of());
        platform.clock.advance(Duration.ofHours(1));

        try (AutoCloseable background = renewals.startBackground(Duration.ofMillis(20), 10)) {
            assertThat(platform.provider.awaitRenewalStarted(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(platform.provider.renewals()).isEqualTo(1);
        assertThat(platform.stored(created).credentials().lastRenewedAt()).isEqualTo(platform.clock.instant());
    }

    @Test
    void aBacklogOfManyBatchesIsRenewedInOnePassNotOneBatchPerPeriod() throws Exception {
        List<InstanceDescription> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(platform.provision("x" + i, List.of()));
        }
        platform.clock.advance(Duration.ofHours(1));

        // Batches of 2 and a period of an hour: only the first pass can run while the test waits.
        try (AutoCloseable background = renewals.startBackground(Duration.ofHours(1), 2)) {
            Await.until("all seven renewed by the first pass", Duration.ofSeconds(30),
                    () -> platform.provider.renewals() == 7);
        }
        for (InstanceDescription instance : created) {
            assertThat(platform.stored(instance).credentials().lastRenewedAt()).isEqualTo(platform.clock.instant());
        }
    }
}
