package dev.elements.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.Await;
import dev.elements.testing.CallbackReceiver.Received;
import dev.elements.testing.TestResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of 1,000 webhook entries (100 deliveries of 10, from four Facebook senders at once): each
 * delivery is accepted, and every resulting event reaches a healthy callback once. How fast is the
 * benchmark's business (bench/run-events.sh), not this test's.
 */
class WebhookBurstTest {
    private static final int DELIVERIES = 100;
    private static final int ENTRIES_EACH = 10;
    private static final int ENTRIES = DELIVERIES * ENTRIES_EACH;

    @RegisterExtension
    final EventsServer events = new EventsServer();

    @Test
    void aBurstOfAThousandEntriesIsAcceptedAndEveryEventReachesTheCallbackOnce() throws Exception {
        events.start();
        FakeUser ada = events.facebook.createUser("Ada Lovelace");
        events.provision(ada, events.receiver.url("/hooks/ada"), null);

        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int delivery = 0; delivery < DELIVERIES; delivery++) {
                String body = delivery(ada.id(), delivery);
                answers.add(senders.submit(() -> events.deliver(body)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }

        Await.until("all " + ENTRIES + " events at the callback", Duration.ofMinutes(3),
                () -> events.receiver.accepted().size() >= DELIVERIES && postIds().size() >= ENTRIES);
        List<Received> notifications = events.receiver.received();
        assertThat(notifications).allMatch(Received::accepted);
        assertThat(notifications.stream().map(received -> received.header("Elements-Event-Id")).distinct())
                .hasSize(notifications.size());
        assertThat(notifications.stream().mapToInt(received -> events(received).size()).sum()).isEqualTo(ENTRIES);
        assertThat(postIds()).hasSize(ENTRIES);
    }

    /** Ten entries of the user's feed, as Facebook batches them, each one new post. */
    private static String delivery(String userId, int delivery) {
        ObjectNode root = TestResponse.JSON.createObjectNode().put("object", "user");
        ArrayNode entries = root.putArray("entry");
        for (int i = 0; i < ENTRIES_EACH; i++) {
            ObjectNode entry = entries.addObject().put("id", userId).put("time", 1_767_225_600L + delivery);
            entry.putArray("changes").addObject().put("field", "feed").putObject("value")
                    .put("item", "status").put("verb", "add")
                    .put("post_id", userId + "_" + (delivery * ENTRIES_EACH + i));
        }
        return root.toString();
    }

    private Set<String> postIds() {
        Set<String> ids = new HashSet<>();
        for (Received notification : events.receiver.accepted()) {
            events(notification).forEach(event -> ids.add(event.path("objectId").asText()));
        }
        return ids;
    }

    private static List<JsonNode> events(Received notification) {
        List<JsonNode> events = new ArrayList<>();
        EventsServer.json(notification.text()).path("message").path("events").forEach(events::add);
        return events;
    }
}
