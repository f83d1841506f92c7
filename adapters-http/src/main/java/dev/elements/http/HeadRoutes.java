package dev.elements.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.util.List;

/**
 * HEAD is the GET of the same path without the body. Javalin answers a HEAD on a path with a GET
 * route by itself, with 200 and no handler run: no authentication, and the same answer for an
 * instance that exists and one that does not. Serving every GET route for HEAD as well, with its
 * handler and its {@link Access}, gives HEAD the refusals and statuses of GET; Jetty sends no body
 * for a HEAD.
 */
final class HeadRoutes {
    private HeadRoutes() {
    }

    /** Once the app's routes are declared and read, before it starts. */
    static void serveLikeGet(Javalin app) {
        List<ParsedEndpoint> gets = app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method == HandlerType.GET)
                .toList();
        for (ParsedEndpoint get : gets) {
            Endpoint head = new Endpoint(HandlerType.HEAD, get.endpoint.path, get.endpoint.handler);
            Roles roles = get.endpoint.metadata(Roles.class);
            app.unsafe.internalRouter.addHttpEndpoint(roles == null ? head : head.withMetadata(roles));
        }
    }
}
