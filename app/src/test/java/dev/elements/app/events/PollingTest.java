package dev.elements.app.events;

import static dev.elements.app.events.EventsServer.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.Await;
import dev.elements.testing.CallbackReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An instance that polls ({@code event.vendor.type} {@code polling}): every refresh interval of the
 * server's clock one poll reads the user's newest posts, and each post becomes one {@code CREATED}
 * event, never two.
 */
class PollingTest {
    @RegisterExtension
    final EventsServer events = new EventsServer();

    @Test
    void eachNewPostBecomesOneCreatedEventAtTheNextPollOfTheInterval() {
        events.start();
        FakeUser ada = events.facebook.createUser("Ada Lovelace");
        long instance = events.provision(events.api(), ada, events.receiver.url("/hooks/ada"), null,
                Map.of("event.vendor.type", "polling", "event.poller.refresh_interval", "1"));
        FakePost first = events.facebook.addPost(ada, "The first polled post");

        events.clock.advance(Duration.ofMinutes(1));
        Received notification = events.receiver.awaitAccepted(1, DEADLINE).get(0);

        JsonNode event = EventsServer.json(notification.text()).path("message").path("events").get(0);
        assertThat(event.path("objectId").asText()).isEqualTo(first.id());
        assertThat(event.path("eventType").asText()).isEqualTo("CREATED");
        assertThat(event.path("elementKey").asText()).isEqualTo("facebooksocial");

        int pollsSoFar = postReads();
        events.clock.advance(Duration.ofMinutes(1));
        Await.until("a second poll, with nothing new", DEADLINE, () -> postReads() > pollsSoFar);
        FakePost second = events.facebook.addPost(ada, "The second polled post");
        events.clock.advance(Duration.ofMinutes(1));
        events.receiver.awaitAccepted(2, DEADLINE);

        List<String> polled = events.events(instance).stream()
                .flatMap(listed -> stream(listed.path("notification").path("message").path("events")))
                .map(item -> item.path("objectId").asText())
                .toList();
        assertThat(polled).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(events.receiver.accepted()).hasSize(2);
    }

    private int postReads() {
        return (int) events.facebook.requests().stream().filter(request -> request.path().endsWith("/posts")).count();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
