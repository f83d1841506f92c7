package dev.elements.facebook;

import static dev.elements.facebook.HubFixture.ids;
import static dev.elements.facebook.HubFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.query.And;
import dev.elements.core.query.Comparison;
import dev.elements.core.query.Condition;
import dev.elements.core.query.Operator;
import dev.elements.core.query.Or;
import dev.elements.core.query.Value;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code where} on Facebook hub resources, against the fake Facebook: feeds and posts filter by
 * {@code created_time} through Graph's {@code since} and {@code until}; everything else is refused
 * before Graph is called.
 */
class FacebookHubWhereTest {
    private HubFixture fixture;
    private FakePost first;
    private FakePost second;
    private FakePost third;

    @BeforeEach
    void posts() {
        fixture = new HubFixture();
        first = fixture.facebook.addPost(fixture.ada, "first");
        fixture.facebook.advanceClock(Duration.ofHours(1));
        second = fixture.facebook.addPost(fixture.ada, "second");
        fixture.facebook.advanceClock(Duration.ofHours(1));
        third = fixture.facebook.addPost(fixture.ada, "third");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static Comparison createdTime(Operator operator, Value value) {
        return new Comparison("created_time", operator, value);
    }

    /** As Graph shows a {@code created_time}: to the second. */
    private static Value iso(Instant instant) {
        return new Value.Text(instant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static Value seconds(Instant instant) {
        return new Value.Numeric(BigDecimal.valueOf(instant.getEpochSecond()));
    }

    private List<String> posts(Condition where) {
        return ids(json(fixture.get("user/" + fixture.ada.id() + "/status").where(where).send()));
    }

    @Test
    void createdTimeComparisonsBecomeSinceAndUntil() {
        assertThat(posts(createdTime(Operator.GREATER, iso(first.createdTime()))))
                .containsExactly(third.id(), second.id());
        RecordedRequest sent = fixture.lastGraphCall();
        assertThat(sent.query()).containsEntry("since", Long.toString(first.createdTime().getEpochSecond() + 1))
                .doesNotContainKeys("until", "where");

        assertThat(posts(new And(List.of(createdTime(Operator.GREATER_OR_EQUAL, seconds(first.createdTime())),
                createdTime(Operator.LESS, seconds(third.createdTime()))))))
                .containsExactly(second.id(), first.id());
        assertThat(fixture.lastGraphCall().query())
                .containsEntry("since", Long.toString(first.createdTime().getEpochSecond()))
                .containsEntry("until", Long.toString(third.createdTime().getEpochSecond() - 1));

        assertThat(posts(createdTime(Operator.LESS_OR_EQUAL, iso(second.createdTime()))))
                .containsExactly(second.id(), first.id());
        assertThat(posts(new And(List.of(createdTime(Operator.GREATER, iso(second.createdTime())),
                createdTime(Operator.LESS, iso(third.createdTime())))))).isEmpty();
    }

    @Test
    void theApplicationsOwnTighterUntilStaysInForceBesideTheWhere() {
        long secondAt = second.createdTime().getEpochSecond();

        List<String> found = ids(json(fixture.get("user/" + fixture.ada.id() + "/status")
                .query("until", Long.toString(secondAt))
                .where(createdTime(Operator.LESS_OR_EQUAL, seconds(third.createdTime()))).send()));

        assertThat(found).containsExactly(second.id(), first.id());
        assertThat(fixture.lastGraphCall().query()).containsEntry("until", Long.toString(secondAt));
    }

    @Test
    void aBoundBeyondGraphsTimesIsRefusedNotWrappedAround() {
        assertThatThrownBy(() -> posts(createdTime(Operator.GREATER,
                new Value.Numeric(new BigDecimal("9223372036854775807")))))
                .isInstanceOfSatisfying(PlatformException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

    @Test
    void anythingElseOnAFeedIsRefusedSayingWhatGraphCanFilter() {
        fixture.facebook.resetCounters();
        List<Condition> unsupported = List.of(
                new Comparison("message", Operator.EQUAL, new Value.Text("first")),
                createdTime(Operator.EQUAL, iso(first.createdTime())),
                new Or(List.of(createdTime(Operator.GREATER, iso(first.createdTime())),
                        createdTime(Operator.LESS, iso(first.createdTime())))),
                createdTime(Operator.GREATER, new Value.Text("yesterday")));

        for (Condition where : unsupported) {
            assertThatThrownBy(() -> posts(where)).as(where.toString())
                    .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(refusal.getMessage()).isEqualTo("where: element facebooksocial filters GET"
                                + " user/{id}/status only by created_time compared with >, >=, < or <= to an"
                                + " ISO-8601 date-time in quotes or epoch seconds, several joined by and (Graph's"
                                + " since and until); nothing else can be sent to Graph");
                    });
        }
        assertThat(fixture.graphCalls()).isEmpty();
    }

    @Test
    void aResourceGraphCannotFilterRefusesAnyWhere() {
        fixture.facebook.resetCounters();

        assertThatThrownBy(() -> fixture.get("user/" + fixture.ada.id() + "/friends")
                .where(createdTime(Operator.GREATER, iso(first.createdTime()))).send())
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.WHERE_NOT_SUPPORTED);
                    assertThat(refusal.getMessage()).startsWith("GET user/{id}/friends cannot be filtered with where");
                });
        assertThat(fixture.graphCalls()).isEmpty();
    }
}
