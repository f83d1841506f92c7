package dev.elements.app.events;

import static dev.elements.app.events.EventsServer.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
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

        FakePost second = events.facebook.addPost(ada, "The second polled post");
        // A poll under way when the clock moves is next due an interval after the moved time; moving
        // it a minute more each round of waiting makes every poll due again, and polls the user
        // repeatedly with nothing new: the first post must still be reported once only.
        events.advanceUntil("the second post delivered", Duration.ofMinutes(1),
                () -> events.receiver.accepted().size() >= 2);
        // Polls of one instance never overlap: when a second one more reads the posts, the first,
        // with nothing new, has stored whatever it found.
        int readsSoFar = postReads();
        events.advanceUntil("two more polls", Duration.ofMinutes(1), () -> postReads() >= readsSoFar + 2);

        List<String> polled = events.events(instance).stream()
                .flatMap(listed -> stream(listed.path("notification").path("message").path("events")))
                .map(item -> item.path("objectId").asText())
                .toList();
        assertThat(polled).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(events.receiver.accepted()).hasSize(2);
    }

    /** How many times the user's posts were read: one a poll. */
    private int postReads() {
        return (int) events.facebook.requests().stream().filter(request -> request.path().endsWith("/posts")).count();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
