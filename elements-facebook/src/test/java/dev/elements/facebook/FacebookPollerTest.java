package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.event.EventType;
import dev.elements.core.event.ProviderEvent;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonValue;
import dev.elements.core.net.JdkProviderHttp;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.event.PollRequest;
import dev.elements.core.spi.event.PollResult;
import dev.elements.core.spi.event.ProviderPoller;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.RecordedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Polling Ada's posts on the fake Facebook over real HTTP: each new post once, the oldest first. */
class FacebookPollerTest {
    private static final Instant START = Instant.parse("2030-01-01T10:00:00.400Z");

    private final HubFixture fixture = new HubFixture();
    private final ProviderPoller poller = fixture.provider.poller().orElseThrow();
    private final ElementContext context = ElementContext.of(new JdkProviderHttp(HubFixture.TIMEOUT),
            Clock.systemUTC(), HubFixture.TIMEOUT);

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theFirstPollReportsThePostsMadeSincePollingStartedOldestFirst() {
        fixture.facebook.addPost(fixture.ada, "Before", START.minusSeconds(1));
        FakePost first = fixture.facebook.addPost(fixture.ada, "First", START.plusSeconds(5));
        FakePost second = fixture.facebook.addPost(fixture.ada, "Second", START.plusSeconds(60));

        PollResult result = poll(null);

        assertThat(result.events()).containsExactly(created(first), created(second));
        assertThat(ids(result.raw())).containsExactly(first.id(), second.id());
        assertThat(result.raw().at("/data/0/message").text()).isEqualTo("First");
        assertThat(result.raw().at("/data/0/from/id").text()).isEqualTo(fixture.ada.id());
        RecordedRequest call = fixture.lastGraphCall();
        assertThat(call.path()).endsWith("/me/posts");
        assertThat(call.param("fields")).isEqualTo("id,message,created_time,from");
        assertThat(call.param("since")).isEqualTo(Long.toString(START.getEpochSecond()));
        assertThat(call.param("appsecret_proof")).isEqualTo(HubFixture.proof(HubFixture.APP_SECRET, fixture.token));
        assertThat(result.raw().toJson()).doesNotContain(fixture.token, HubFixture.APP_SECRET);
    }

    @Test
    void theNextPollReportsOnlyWhatIsNew() {
        FakePost first = fixture.facebook.addPost(fixture.ada, "First", START.plusSeconds(5));
        PollResult firstPoll = poll(null);
        assertThat(firstPoll.events()).containsExactly(created(first));

        PollResult nothingNew = poll(firstPoll.cursor());
        assertThat(nothingNew.events()).isEmpty();
        assertThat(ids(nothingNew.raw())).isEmpty();
        assertThat(nothingNew.cursor()).isEqualTo(firstPoll.cursor());

        FakePost second = fixture.facebook.addPost(fixture.ada, "Second", START.plusSeconds(65));
        FakePost third = fixture.facebook.addPost(fixture.ada, "Third", START.plusSeconds(70));
        PollResult secondPoll = poll(nothingNew.cursor());
        assertThat(secondPoll.events()).containsExactly(created(second), created(third));
        assertThat(ids(secondPoll.raw())).containsExactly(second.id(), third.id());
        assertThat(fixture.lastGraphCall().param("since")).isEqualTo(Long.toString(first.createdTime()
                .getEpochSecond()));

        assertThat(poll(secondPoll.cursor()).events()).isEmpty();
    }

    @Test
    void postsOfOneSecondAreReportedOnceEachAndNoneIsMissed() {
        Instant second = START.plusSeconds(30);
        FakePost a = fixture.facebook.addPost(fixture.ada, "A", second);
        FakePost b = fixture.facebook.addPost(fixture.ada, "B", second.plusMillis(300));
        PollResult firstPoll = poll(null);
        assertThat(firstPoll.events()).containsExactly(created(a), created(b));

        FakePost c = fixture.facebook.addPost(fixture.ada, "C", second.plusMillis(900));
        PollResult secondPoll = poll(firstPoll.cursor());
        assertThat(secondPoll.events()).containsExactly(created(c));

        FakePost d = fixture.facebook.addPost(fixture.ada, "D", second.plusSeconds(1));
        FakePost e = fixture.facebook.addPost(fixture.ada, "E", second.plusSeconds(1));
        PollResult thirdPoll = poll(secondPoll.cursor());
        assertThat(thirdPoll.events()).containsExactly(created(d), created(e));
        assertThat(poll(thirdPoll.cursor()).events()).isEmpty();
    }

    @Test
    void morePostsThanOnePageAreAllReported() {
        int count = FacebookPoller.PAGE_SIZE + 5;
        for (int i = 0; i < count; i++) {
            fixture.facebook.addPost(fixture.ada, "Post " + i, START.plusSeconds(i));
        }

        PollResult result = poll(null);

        assertThat(result.events()).hasSize(count);
        assertThat(result.events().get(0).eventDate()).isEqualTo(Instant.ofEpochSecond(START.getEpochSecond()));
        assertThat(result.events().get(count - 1).eventDate())
                .isEqualTo(Instant.ofEpochSecond(START.getEpochSecond() + count - 1));
        assertThat(poll(result.cursor()).events()).isEmpty();
    }

    @Test
    void anExpiredTokenIsAnInvalidTokenAndLeaksNothing() {
        fixture.facebook.addPost(fixture.ada, "First", START.plusSeconds(5));
        fixture.facebook.expire(fixture.token);

        ProviderException refused = catchThrowableOfType(() -> poll(null), ProviderException.class);

        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_TOKEN);
        assertThat(refused.getMessage()).doesNotContain(fixture.token, HubFixture.APP_SECRET);
    }

    private PollResult poll(String cursor) {
        return poller.poll(new PollRequest(fixture.tokens(), fixture.configuration(), cursor, START), context);
    }

    private static ProviderEvent created(FakePost post) {
        return new ProviderEvent("post", post.id(), EventType.CREATED,
                Instant.ofEpochSecond(post.createdTime().getEpochSecond()));
    }

    private static List<String> ids(JsonValue raw) {
        return ((JsonArray) raw.path("data")).items().stream().map(post -> post.path("id").text()).toList();
    }
}
