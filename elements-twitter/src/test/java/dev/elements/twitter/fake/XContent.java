package dev.elements.twitter.fake;

import dev.elements.core.fake.oauth2.FakeOAuth2User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The fake X's users, posts and likes, and the page tokens it handed out. Used under the provider's lock. */
final class XContent {

    /** One item of a paged list: the tweet and the key the list is ordered by, newest (largest) first. */
    record Entry(long key, FakeTweet tweet) {
    }

    /** X user names are at most 15 characters of letters, digits and underscores. */
    private static final int USERNAME_LENGTH = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, FakeXUser> users = new LinkedHashMap<>();
    private final TreeMap<Long, FakeTweet> tweets = new TreeMap<>();
    /** For each user, the liked tweet ids with the order in which they were liked. */
    private final Map<String, Map<String, Long>> likes = new HashMap<>();
    private final Map<String, Long> pageTokens = new HashMap<>();
    /** Ids shaped like X's 19-digit Snowflake ids, growing with time. */
    private long nextTweetId = 1_800_000_000_000_000_001L;
    private long likeSequence;

    FakeXUser addUser(FakeOAuth2User account) {
        String base = account.name().replaceAll("[^A-Za-z0-9_]", "");
        base = base.isEmpty() ? "user" : base.substring(0, Math.min(base.length(), USERNAME_LENGTH));
        String username = base;
        for (int suffix = 2; isTaken(username); suffix++) {
            String tail = Integer.toString(suffix);
            username = base.substring(0, Math.min(base.length(), USERNAME_LENGTH - tail.length())) + tail;
        }
        FakeXUser user = new FakeXUser(account.id(), account.name(), username);
        users.put(user.id(), user);
        return user;
    }

    private boolean isTaken(String username) {
        return users.values().stream().anyMatch(user -> user.username().equalsIgnoreCase(username));
    }

    Optional<FakeXUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    FakeTweet post(String authorId, String text, Instant now) {
        FakeTweet tweet = new FakeTweet(Long.toString(nextTweetId), authorId, text, now);
        tweets.put(nextTweetId++, tweet);
        return tweet;
    }

    Optional<FakeTweet> tweet(String id) {
        try {
            return Optional.ofNullable(tweets.get(Long.parseLong(id)));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    boolean isDuplicate(String authorId, String text) {
        return tweets.values().stream().anyMatch(tweet -> tweet.authorId().equals(authorId)
                && tweet.text().equals(text));
    }

    void delete(FakeTweet tweet) {
        tweets.remove(Long.parseLong(tweet.id()));
        likes.values().forEach(liked -> liked.remove(tweet.id()));
    }

    /** The user's posts, newest first, keyed by id. */
    List<Entry> timeline(String userId) {
        List<Entry> entries = new ArrayList<>();
        tweets.descendingMap().forEach((id, tweet) -> {
            if (tweet.authorId().equals(userId)) {
                entries.add(new Entry(id, tweet));
            }
        });
        return entries;
    }

    /** The posts the user liked, most recently liked first, keyed by the order of liking. */
    List<Entry> likedTweets(String userId) {
        List<Entry> entries = new ArrayList<>();
        likes.getOrDefault(userId, Map.of()).forEach((tweetId, order) ->
                tweet(tweetId).ifPresent(tweet -> entries.add(new Entry(order, tweet))));
        entries.sort(Comparator.comparingLong(Entry::key).reversed());
        return entries;
    }

    /** Liking again changes nothing. */
    void like(String userId, FakeTweet tweet) {
        likes.computeIfAbsent(userId, ignored -> new LinkedHashMap<>()).putIfAbsent(tweet.id(), ++likeSequence);
    }

    void unlike(String userId, String tweetId) {
        likes.getOrDefault(userId, new HashMap<>()).remove(tweetId);
    }

    /** An opaque token for "the entries after this key", remembered so that only tokens the fake made work. */
    String pageToken(long afterKey) {
        String token = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + Long.toString(afterKey, 36);
        pageTokens.put(token, afterKey);
        return token;
    }

    OptionalLong afterKey(String pageToken) {
        Long key = pageTokens.get(pageToken);
        return key == null ? OptionalLong.empty() : OptionalLong.of(key);
    }
}
