package dev.elements.facebook;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the poller of a user's posts stands: the newest {@code created_time} it reported, and the
 * ids of the posts it reported of that very second. Graph keeps {@code created_time} to the second,
 * so a post made later in the same second as the newest one reported is new although its time is
 * not; the ids tell it from those already reported. Written as {@code <seconds>:<id>,<id>}; Graph ids
 * hold neither separator.
 *
 * @param second the Unix second every post up to which has been reported (or, before the first
 *     report, the second polling started)
 * @param idsAtSecond the posts of that second already reported
 */
record PostsCursor(long second, Set<String> idsAtSecond) {
    private static final Pattern WRITTEN = Pattern.compile("[0-9]{1,19}:(" + FacebookFacts.ID_PATTERN + "(,"
            + FacebookFacts.ID_PATTERN + ")*)?");

    PostsCursor {
        idsAtSecond = Set.copyOf(requireNonNull(idsAtSecond, "idsAtSecond"));
    }

    /**
     * Before the first poll: every post of the second polling started counts as new, because Graph's
     * second cannot tell whether it came before the start or after; reporting a post made a moment
     * before is better than losing one made a moment after.
     */
    static PostsCursor startingAt(Instant since) {
        return new PostsCursor(since.getEpochSecond(), Set.of());
    }

    /** The cursor a previous poll wrote, or empty when {@code written} is not one. */
    static Optional<PostsCursor> read(String written) {
        if (written == null || !WRITTEN.matcher(written).matches()) {
            return Optional.empty();
        }
        int colon = written.indexOf(':');
        String ids = written.substring(colon + 1);
        try {
            return Optional.of(new PostsCursor(Long.parseLong(written.substring(0, colon)), ids.isEmpty()
                    ? Set.of()
                    : Arrays.stream(ids.split(",")).collect(Collectors.toUnmodifiableSet())));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Whether a post of {@code postSecond} with {@code id} has not been reported yet. */
    boolean isNew(long postSecond, String id) {
        return postSecond > second || (postSecond == second && !idsAtSecond.contains(id));
    }

    /** Where the poller stands after reporting the post. */
    PostsCursor after(long postSecond, String id) {
        if (postSecond < second) {
            return this;
        }
        if (postSecond > second) {
            return new PostsCursor(postSecond, Set.of(id));
        }
        return new PostsCursor(second, Stream.concat(idsAtSecond.stream(), Stream.of(id))
                .collect(Collectors.toUnmodifiableSet()));
    }

    String write() {
        return second + ":" + idsAtSecond.stream().sorted().collect(Collectors.joining(","));
    }
}
