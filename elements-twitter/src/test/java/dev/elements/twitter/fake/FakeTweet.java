package dev.elements.twitter.fake;

import java.time.Instant;
import java.util.Objects;

/**
 * A post (tweet) on the fake X.
 *
 * @param id a string of digits; later posts have larger ids, as X's Snowflake ids do
 * @param authorId the author's user id
 * @param text what was posted
 * @param createdAt when, on the fake's clock
 */
public record FakeTweet(String id, String authorId, String text, Instant createdAt) {

    public FakeTweet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
