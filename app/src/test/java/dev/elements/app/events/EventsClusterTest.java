package dev.elements.app.events;

import static dev.elements.app.events.EventsServer.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsServer;
import dev.elements.app.cluster.ClusterDatabase;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.WebhookPayload;
import dev.elements.testing.CallbackReceiver.Received;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two nodes on one PostgreSQL share one outbox: each event reaches the callback once, whichever node took it in. */
class EventsClusterTest {
    private static final int EVENTS = 40;

    @RegisterExtension
    final EventsServer events = new EventsServer();

    @Test
    void twoNodesDeliverEveryEventOnceWhicheverNodeReceivedIt() {
        events.with(new ClusterDatabase().settings()).start();
        ElementsServer nodeB = events.startNode();
        try {
            FakeUser ada = events.facebook.createUser("Ada Lovelace");
            long instance = events.provision(ada, events.receiver.url("/hooks/ada"), null);

            for (int i = 0; i < EVENTS; i++) {
                ElementsServer node = i % 2 == 0 ? events.server() : nodeB;
                String body = WebhookPayload.user().feedPostAdded(events.facebook.addPost(ada, "post " + i)).toJson();
                HttpResponse<String> answer = events.facebook.webhooks().deliverWebhook(EventsServer.webhooks(node),
                        events.app, body);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
            events.receiver.awaitAccepted(EVENTS, DEADLINE);
        } finally {
            // Stopping both nodes waits for the attempts under way: a second delivery of any event
            // would have arrived by then.
            nodeB.close();
            events.stop();
        }

        List<Received> received = events.receiver.received();
        Map<String, Long> deliveriesPerEvent = received.stream().collect(Collectors.groupingBy(
                notification -> notification.header("Elements-Event-Id"), Collectors.counting()));
        assertThat(deliveriesPerEvent).hasSize(EVENTS);
        assertThat(deliveriesPerEvent.values()).containsOnly(1L);
        assertThat(received).allMatch(Received::accepted);
        assertThat(received.stream().map(Received::text).map(EventsClusterTest::objectId)
                .collect(Collectors.toSet())).hasSize(EVENTS);
    }

    private static String objectId(String notification) {
        return EventsServer.json(notification).path("message").path("events").get(0).path("objectId").asText();
    }
}
