package dev.elements.core.fake.oauth2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The protected routes: {@code METHOD /path/{placeholder}/...} patterns matched segment by segment. */
final class Routes {

    record Route(String method, String pattern, List<String> segments, ResourceHandler handler) {
        /** The name switches and tests use for the route: {@code "GET /2/users/{id}/tweets"}. */
        String endpoint() {
            return method + " " + pattern;
        }
    }

    record Match(Route route, Map<String, String> pathValues) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void add(String method, String pattern, ResourceHandler handler) {
        List<String> segments = segments(pattern);
        String upperMethod = method.toUpperCase();
        boolean clash = routes.stream().anyMatch(route -> route.method().equals(upperMethod)
                && route.segments().size() == segments.size() && samePlaces(route.segments(), segments));
        if (clash) {
            throw new IllegalArgumentException("A route " + upperMethod + " " + pattern + " exists already");
        }
        routes.add(new Route(upperMethod, pattern, segments, handler));
    }

    /** The first route of the method whose pattern fits the path, literal segments first. */
    Optional<Match> match(String method, String path) {
        List<String> actual = segments(path);
        Match best = null;
        for (Route route : routes) {
            if (!route.method().equals(method) || route.segments().size() != actual.size()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (fits(route.segments(), actual, values)
                    && (best == null || values.size() < best.pathValues().size())) {
                best = new Match(route, values);
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean fits(List<String> pattern, List<String> actual, Map<String, String> values) {
        for (int index = 0; index < pattern.size(); index++) {
            String expected = pattern.get(index);
            if (isPlaceholder(expected)) {
                values.put(expected.substring(1, expected.length() - 1), actual.get(index));
            } else if (!expected.equals(actual.get(index))) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePlaces(List<String> left, List<String> right) {
        for (int index = 0; index < left.size(); index++) {
            boolean bothPlaceholders = isPlaceholder(left.get(index)) && isPlaceholder(right.get(index));
            if (!bothPlaceholders && !left.get(index).equals(right.get(index))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlaceholder(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>(Arrays.asList(path.split("/")));
        segments.removeIf(String::isEmpty);
        return segments;
    }
}
