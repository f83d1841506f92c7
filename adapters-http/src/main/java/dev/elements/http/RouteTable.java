package dev.elements.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Javalin's own route table, read once the app is built rather than kept beside it: for the one
 * rule the router does not know, and for tests that check what is served. Filled before the server
 * starts and only read afterwards, so a request looks its path up instead of scanning the routes.
 */
final class RouteTable {
    private static final String BELOW_BASE = HttpApi.BASE_PATH + "/";
    private volatile List<ParsedEndpoint> endpoints;
    /** Each path without parameters, with the methods served there, in Javalin's order of methods. */
    private volatile Map<String, List<HandlerType>> literalPaths = Map.of();
    /** The platform's routes: all but the hub-less ones, which take any path below the base. */
    private volatile List<ParsedEndpoint> platformEndpoints = List.of();
    /** The first segments below the base path of the platform's routes, lower-cased. */
    private volatile Set<String> platformSegments = Set.of();

    /**
     * Reads the app's routes.
     *
     * @throws IllegalStateException when a route declares no {@link Access}, so none is served
     *     without its caller being resolved as its author meant
     */
    void read(Javalin app) {
        List<ParsedEndpoint> http = app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .toList();
        for (ParsedEndpoint parsed : http) {
            Roles roles = parsed.endpoint.metadata(Roles.class);
            if (roles == null || roles.getRoles().stream().filter(Access.class::isInstance).count() != 1) {
                throw new IllegalStateException("Route " + parsed.endpoint.method.name() + " " + parsed.endpoint.path
                        + " must declare exactly one Access");
            }
        }
        Map<String, List<HandlerType>> literal = new HashMap<>();
        for (ParsedEndpoint parsed : http) {
            if (!hasParameters(parsed.endpoint.path)) {
                literal.computeIfAbsent(withoutTrailingSlash(parsed.endpoint.path), path -> new ArrayList<>())
                        .add(parsed.endpoint.method);
            }
        }
        literal.replaceAll((path, methods) -> HandlerType.values().stream().filter(methods::contains).toList());
        this.literalPaths = Map.copyOf(literal);
        this.platformEndpoints = http.stream().filter(parsed -> !isHubLess(parsed.endpoint.path)).toList();
        this.platformSegments = platformEndpoints.stream()
                .map(parsed -> parsed.endpoint.path)
                .filter(path -> path.startsWith(BELOW_BASE))
                .map(path -> path.substring(BELOW_BASE.length()).split("/", 2)[0].toLowerCase(Locale.ROOT))
                .filter(segment -> !segment.isEmpty() && !hasParameters(segment))
                .collect(Collectors.toUnmodifiableSet());
        this.endpoints = http;
    }

    /**
     * Whether a route of the platform starts with this segment below the base path, such as
     * {@code instances}: the hub-less routes leave those paths to the platform, so that no hub
     * resource can shadow a platform route, present or added later.
     */
    boolean isPlatformSegment(String segment) {
        return platformSegments.contains(segment.toLowerCase(Locale.ROOT));
    }

    /** The methods of the platform's routes that match this path, in Javalin's order of methods. */
    List<HandlerType> platformMethods(String path) {
        Set<HandlerType> methods = platformEndpoints.stream()
                .filter(parsed -> parsed.matches(path))
                .map(parsed -> parsed.endpoint.method)
                .collect(Collectors.toSet());
        return HandlerType.values().stream().filter(methods::contains).toList();
    }

    private static boolean isHubLess(String path) {
        return path.equals(BELOW_BASE + HubRoutes.HUB_LESS_ROUTE);
    }

    List<HttpApi.Route> routes() {
        return endpoints().stream()
                .map(parsed -> new HttpApi.Route(parsed.endpoint.method.name(), parsed.endpoint.path))
                .toList();
    }

    /**
     * The methods a route without path parameters serves at this path, in Javalin's order of
     * methods. A literal path is a resource of its own, so its methods are the only ones allowed
     * there even where a parameter route (such as {@code /instances/{id}} for
     * {@code /instances/token}) would also match: Javalin takes the first route that matches, and
     * does not know that a literal sibling outranks a parameter.
     */
    List<HandlerType> literalMethods(String path) {
        // Javalin ignores a trailing slash when it matches, so the table does too.
        return literalPaths.getOrDefault(withoutTrailingSlash(path), List.of());
    }

    private List<ParsedEndpoint> endpoints() {
        List<ParsedEndpoint> read = endpoints;
        if (read == null) {
            throw new IllegalStateException("The route table is read once the app is built");
        }
        return read;
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean hasParameters(String path) {
        return path.contains("{") || path.contains("<") || path.contains("*");
    }
}
