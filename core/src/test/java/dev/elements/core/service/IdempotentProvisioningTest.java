package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ListInstancesQuery;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.testing.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdempotentProvisioningTest {
    private final Platform platform = new Platform();

    private ProvisionInstanceCommand command(String code, String name, String key) {
        return new ProvisionInstanceCommand(platform.principal, "scripted", code, Platform.configuration(),
                List.of("t"), name, key);
    }

    private InstanceDescription provision(ProvisionInstanceCommand command) {
        return platform.elements.provisioning().provision(command);
    }

    private long instanceCount() {
        return platform.elements.instances().instances(platform.principal, ListInstancesQuery.firstPage()).total();
    }

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerWithoutASecondExchange() {
        String code = platform.code();

        InstanceDescription first = provision(command(code, "x", "key-1"));
        InstanceDescription again = provision(command(code, "x", "key-1"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.token()).isEqualTo(first.token()).isPresent();
        assertThat(platform.provider.exchanges()).isEqualTo(1);
        assertThat(instanceCount()).isEqualTo(1);
    }

    @Test
    void aKeyClaimedByARequestThatDiedIsTakenOverOnceTheClaimIsOlderThanAnyLiveRequest() throws Exception {
        String code = platform.code();
        ProvisionInstanceCommand command = command(code, "x", "crashed");
        // A node claimed the key and was killed before it answered or released it.
        assertThat(platform.idempotency.claim(platform.principal.organizationId(), "crashed",
                IdempotentRequests.fingerprint(command), platform.clock.instant())).isEmpty();
        // Four provider timeouts (4 x 10 s) later, no live request can still hold it.
        platform.clock.advance(Duration.ofSeconds(41));

        // Awaited with a deadline below the 40 s a retry used to wait before its 409.
        InstanceDescription retried = java.util.concurrent.CompletableFuture.supplyAsync(() -> provision(command))
                .get(20, TimeUnit.SECONDS);

        assertThat(retried.token()).isPresent();
        assertThat(platform.provider.exchanges()).isEqualTo(1);
        assertThat(provision(command).id()).as("and the key now answers with it").isEqualTo(retried.id());
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        String code = platform.code();
        provision(command(code, "x", "key-1"));

        assertThatThrownBy(() -> provision(command(code, "another name", "key-1")))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(platform.provider.exchanges()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneInstance() throws Exception {
        String code = platform.code();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<InstanceDescription>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(pool.submit(() -> {
                    start.await();
                    return provision(command(code, "x", "raced"));
                }));
            }
            start.countDown();
            List<InstanceDescription> answers = new ArrayList<>();
            for (Future<InstanceDescription> request : requests) {
                answers.add(request.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).extracting(InstanceDescription::id).containsOnly(answers.get(0).id());
            assertThat(answers).extracting(answer -> answer.token().orElseThrow())
                    .containsOnly(answers.get(0).token().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
        assertThat(platform.provider.exchanges()).isEqualTo(1);
        assertThat(instanceCount()).isEqualTo(1);
    }

    @Test
    void aFailedRequestLeavesTheKeyFreeForARetry() {
        String code = platform.code();
        platform.provider.failNext(ProviderErrorClass.TRANSIENT, "(#2) Service temporarily unavailable");
        assertThatThrownBy(() -> provision(command(code, "x", "key-1"))).isInstanceOf(PlatformException.class);

        InstanceDescription retried = provision(command(code, "x", "key-1"));

        assertThat(retried.token()).isPresent();
        assertThat(instanceCount()).isEqualTo(1);
    }

    @Test
    void aKeyLivesTwentyFourHours() {
        InstanceDescription first = provision(command(platform.code(), "x", "key-1"));
        platform.clock.advance(Duration.ofHours(24).plusSeconds(1));
        String newCode = platform.code();

        InstanceDescription later = provision(command(newCode, "x", "key-1"));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(instanceCount()).isEqualTo(2);
    }

    @Test
    void theStoredAnswerIsSealedAndARegeneratedTokenIsNotReplayed() {
        String code = platform.code();
        InstanceDescription first = provision(command(code, "x", "key-1"));
        var record = platform.idempotency.find(platform.principal.organizationId(), "key-1").orElseThrow();
        byte[] opened = platform.cipher.open(record.answer(),
                answerAssociatedData("key-1"));
        assertThat(new String(opened, StandardCharsets.UTF_8)).contains(first.token().orElseThrow());
        assertThatThrownBy(() -> platform.cipher.open(record.answer(),
                answerAssociatedData("key-2")))
                .isInstanceOf(IllegalStateException.class);

        platform.elements.instances().regenerateToken(platform.principal, first.id());
        InstanceDescription replayed = provision(command(code, "x", "key-1"));

        assertThat(replayed.id()).isEqualTo(first.id());
        assertThat(replayed.token()).isEmpty();
        assertThat(platform.provider.exchanges()).isEqualTo(1);
    }

    /** The vault's associated data of an answer, spelled out so that a change of the format shows here. */
    private byte[] answerAssociatedData(String key) {
        return ("idempotency|" + platform.principal.organizationId().value() + "|" + key).getBytes(StandardCharsets.UTF_8);
    }
}
