package dev.elements.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.util.List;

/**
 * Javalin's own route table, read once the app is built rather than kept beside it: for the one
 * rule the router does not know, and for tests that check what is served. Filled before the server
 * starts and only read afterwards.
 */
final class RouteTable {
    private volatile List<ParsedEndpoint> endpoints;

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
        this.endpoints = http;
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
        List<HandlerType> served = endpoints().stream()
                .filter(parsed -> !hasParameters(parsed.endpoint.path) && parsed.matches(path))
                .map(parsed -> parsed.endpoint.method)
                .toList();
        return HandlerType.values().stream().filter(served::contains).toList();
    }

    private List<ParsedEndpoint> endpoints() {
        List<ParsedEndpoint> read = endpoints;
        if (read == null) {
            throw new IllegalStateException("The route table is read once the app is built");
        }
        return read;
    }

    private static boolean hasParameters(String path) {
        return path.contains("{") || path.contains("<") || path.contains("*");
    }
}
