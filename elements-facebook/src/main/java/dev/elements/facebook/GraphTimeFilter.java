package dev.elements.facebook;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.query.And;
import dev.elements.core.query.Comparison;
import dev.elements.core.query.Condition;
import dev.elements.core.query.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one CEQL filter Graph can apply itself: feeds and posts by {@code created_time}, through
 * Graph's time-based paging parameters {@code since} and {@code until} (Unix seconds, both ends
 * included; developers.facebook.com/docs/graph-api/results, "Time-based Pagination"). A condition is
 * a comparison of {@code created_time} with {@code >}, {@code >=}, {@code <} or {@code <=}, or
 * several joined by {@code and}; the value an ISO-8601 date-time (as Cloud Elements' examples write
 * dates) or epoch seconds. Anything else is refused, saying so, rather than left unapplied.
 */
final class GraphTimeFilter {
    private static final BigDecimal LATEST = BigDecimal.valueOf(253_402_300_799L);
    static final String FIELD = "created_time";

    private GraphTimeFilter() {
    }

    /** Whether Graph filters this resource by time: the feed and posts lists. */
    static boolean filters(HubCall call) {
        String graphPath = call.resource().vendorPath();
        return call.resource().vendorMethod().equals("GET")
                && (graphPath.endsWith("/posts") || graphPath.endsWith("/feed"));
    }

    /** Puts {@code since} and {@code until} for the call's where into the query to Graph. */
    static void translate(HubCall call, Map<String, List<String>> query) {
        Condition where = call.where();
        List<Condition> parts = where instanceof And and ? and.conditions() : List.of(where);
        Long since = null;
        Long until = null;
        for (Condition part : parts) {
            if (!(part instanceof Comparison comparison) || !comparison.field().equals(FIELD)
                    || !comparison.operator().orders()) {
                throw refusal(call);
            }
            BigDecimal seconds = seconds(comparison.value()).filter(GraphTimeFilter::withinGraphsTimes)
                    .orElseThrow(() -> refusal(call));
            // Graph's bounds are whole seconds, both included; created_time is kept to the second.
            switch (comparison.operator()) {
                case GREATER -> since = max(since, seconds.setScale(0, RoundingMode.FLOOR).longValueExact() + 1);
                case GREATER_OR_EQUAL -> since = max(since, seconds.setScale(0, RoundingMode.CEILING).longValueExact());
                case LESS -> until = min(until, seconds.setScale(0, RoundingMode.CEILING).longValueExact() - 1);
                case LESS_OR_EQUAL -> until = min(until, seconds.setScale(0, RoundingMode.FLOOR).longValueExact());
                default -> throw refusal(call);
            }
        }
        // The application's own since and until stay in force: the tighter bound of the two wins.
        since = max(since, existing(query, "since"));
        until = min(until, existing(query, "until"));
        if (since != null) {
            query.put("since", List.of(Long.toString(since)));
        }
        if (until != null) {
            query.put("until", List.of(Long.toString(until)));
        }
    }

    /** Epoch seconds from 1970 to the year 9999: beyond, a bound plus or minus one would overflow. */
    private static boolean withinGraphsTimes(BigDecimal seconds) {
        return seconds.signum() >= 0 && seconds.compareTo(LATEST) <= 0;
    }

    private static Long existing(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || !values.get(0).matches("[0-9]{1,12}")) {
            return null;
        }
        return Long.parseLong(values.get(0));
    }

    private static Optional<BigDecimal> seconds(Value value) {
        if (value instanceof Value.Numeric number) {
            return Optional.of(number.number());
        }
        if (value instanceof Value.Text text) {
            return text.instant().map(GraphTimeFilter::seconds);
        }
        return Optional.empty();
    }

    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }

    /** The later of two bounds, either of which may be absent. */
    private static Long max(Long current, Long bound) {
        return current == null ? bound : bound == null ? current : Long.valueOf(Math.max(current, bound));
    }

    /** The earlier of two bounds, either of which may be absent. */
    private static Long min(Long current, Long bound) {
        return current == null ? bound : bound == null ? current : Long.valueOf(Math.min(current, bound));
    }

    private static PlatformException refusal(HubCall call) {
        return new PlatformException(ErrorCode.INVALID_FIELD, "where: element " + FacebookFacts.KEY
                + " filters " + call.resource().method() + " " + call.resource().path() + " only by " + FIELD
                + " compared with >, >=, < or <= to an ISO-8601 date-time in quotes or epoch seconds, several"
                + " joined by and (Graph's since and until); nothing else can be sent to Graph");
    }
}
