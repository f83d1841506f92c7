package dev.elements.app.events;

import static dev.elements.app.events.EventsServer.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.WebhookPayload;
import dev.elements.testing.CallbackReceiver.Received;
import dev.elements.testing.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A callback that fails: the outbox retries after 4 s, 16 s, 64 s, ... of the server's clock, which
 * the test moves, parks the event after the ninth failure until the application asks for it again,
 * and keeps a pending retry across a restart.
 */
class DeliveryRetriesTest {
    @RegisterExtension
    final EventsServer events = new EventsServer();

    private FakeUser ada;
    private long instance;

    @BeforeEach
    void start() {
        events.start();
        ada = events.facebook.createUser("Ada Lovelace");
        instance = events.provision(ada, events.receiver.url("/hooks/ada"), "ada-signature-key");
    }

    @Test
    void aFailedDeliveryIsRetriedFourThenSixteenSecondsAfterEachFailureAndThenDelivered() {
        events.receiver.failNext(2, 500);
        Instant firstFailure = events.clock.instant();

        assertThat(events.deliver(newPost("retried")).statusCode()).isEqualTo(200);

        JsonNode once = events.awaitOnlyEvent(instance, "the first attempt failed", attempts(1));
        assertThat(once.path("state").asText()).isEqualTo("PENDING");
        assertThat(EventsServer.date(once.path("nextAttemptDate"))).isEqualTo(firstFailure.plusSeconds(4));
        assertThat(once.path("lastError").asText()).contains("500");

        events.clock.advance(Duration.ofSeconds(4));
        Instant secondFailure = events.clock.instant();
        JsonNode twice = events.awaitOnlyEvent(instance, "the second attempt failed", attempts(2));
        assertThat(twice.path("state").asText()).isEqualTo("PENDING");
        assertThat(EventsServer.date(twice.path("nextAttemptDate"))).isEqualTo(secondFailure.plusSeconds(16));

        events.clock.advance(Duration.ofSeconds(16));
        JsonNode delivered = events.awaitOnlyEvent(instance, "the third attempt delivered", state("DELIVERED"));
        assertThat(delivered.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.has("nextAttemptDate") && !delivered.path("nextAttemptDate").isNull()).isFalse();
        List<Received> attempts = events.receiver.received();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(Received::answered).containsExactly(500, 500, 200);
        assertThat(attempts).extracting(Received::text).containsOnly(attempts.get(0).text());
        assertThat(attempts).extracting(attempt -> attempt.header("Elements-Webhook-Signature"))
                .containsOnly(attempts.get(0).header("Elements-Webhook-Signature"));
    }

    @Test
    void theNinthFailureParksTheEventAndRedeliveringSendsItAgain() {
        events.receiver.failNext(9, 503);

        assertThat(events.deliver(newPost("parked")).statusCode()).isEqualTo(200);

        for (int attempt = 1; attempt < 9; attempt++) {
            Instant failure = events.clock.instant();
            JsonNode failed = events.awaitOnlyEvent(instance, "attempt " + attempt + " failed", attempts(attempt));
            Duration delay = Duration.ofSeconds(1L << (2 * attempt));
            assertThat(failed.path("state").asText()).isEqualTo("PENDING");
            assertThat(EventsServer.date(failed.path("nextAttemptDate"))).as("after attempt %d", attempt)
                    .isEqualTo(failure.plus(delay));
            events.clock.advance(delay);
        }
        JsonNode parked = events.awaitOnlyEvent(instance, "the ninth attempt parked it", state("PARKED"));
        assertThat(parked.path("attempts").asInt()).isEqualTo(9);
        assertThat(parked.path("nextAttemptDate").isMissingNode() || parked.path("nextAttemptDate").isNull())
                .isTrue();
        assertThat(events.receiver.received()).hasSize(9);
        String eventId = parked.path("id").asText();

        TestResponse redelivered = events.api().postJson("/instances/" + instance + "/events/" + eventId
                + "/redeliver", "{}");

        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(redelivered.json().path("state").asText()).as("pending, or delivered already").isIn("PENDING", "DELIVERED");
        JsonNode delivered = events.awaitOnlyEvent(instance, "the redelivery arrived", state("DELIVERED"));
        assertThat(delivered.path("id").asText()).isEqualTo(eventId);
        assertThat(events.receiver.accepted()).hasSize(1);
        assertThat(events.receiver.accepted().get(0).header("Elements-Event-Id")).isEqualTo(eventId);
        TestResponse again = events.api().postJson("/instances/" + instance + "/events/" + eventId + "/redeliver",
                "{}");
        assertThat(again.status()).as("a delivered event is not parked").isEqualTo(409);
    }

    @Test
    void aRetryPendingAcrossARestartIsDeliveredOnceByTheNextServer() {
        events.receiver.failNext(1, 500);
        assertThat(events.deliver(newPost("before the restart")).statusCode()).isEqualTo(200);
        String eventId = events.awaitOnlyEvent(instance, "the first attempt failed", attempts(1))
                .path("id").asText();

        events.stop();
        events.start();
        events.clock.advance(Duration.ofSeconds(4));

        JsonNode delivered = events.awaitOnlyEvent(instance, "delivered after the restart", state("DELIVERED"));
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        // A later event delivered shows the new server went round its outbox again since.
        assertThat(events.deliver(newPost("after the restart")).statusCode()).isEqualTo(200);
        events.receiver.awaitAccepted(2, DEADLINE);
        assertThat(events.receiver.accepted()).filteredOn(received -> eventId.equals(
                received.header("Elements-Event-Id"))).hasSize(1);
        assertThat(events.receiver.received()).hasSize(3);
    }

    private String newPost(String message) {
        return WebhookPayload.user().feedPostAdded(events.facebook.addPost(ada, message)).toJson();
    }

    private static java.util.function.Predicate<JsonNode> attempts(int count) {
        return event -> event.path("attempts").asInt() == count && !event.path("state").asText().isEmpty();
    }

    private static java.util.function.Predicate<JsonNode> state(String state) {
        return event -> event.path("state").asText().equals(state);
    }
}
