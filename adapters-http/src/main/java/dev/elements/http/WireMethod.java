package dev.elements.http;

import io.javalin.config.JavalinConfig;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The verb on the wire is the verb. Javalin's {@code ctx.method()} reads {@code X-HTTP-Method-Override}
 * (and the request log with it), so a GET carrying {@code DELETE} would run the DELETE route, and
 * anything in front of the server that filters by method would be bypassed. The override headers are
 * removed before Javalin sees the request; no client of the Cloud Elements API needs them.
 */
final class WireMethod {
    /** Every spelling of the convention in use; Javalin reads the first, other frameworks the rest. */
    static final Set<String> OVERRIDE_HEADERS = Set.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private WireMethod() {
    }

    static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.insertHandler(new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return super.handle(withoutOverride(request), response, callback);
            }
        }));
    }

    private static Request withoutOverride(Request request) {
        HttpFields headers = request.getHeaders();
        if (OVERRIDE_HEADERS.stream().noneMatch(headers::contains)) {
            return request;
        }
        HttpFields.Mutable kept = HttpFields.build(headers);
        OVERRIDE_HEADERS.forEach(kept::remove);
        HttpFields stripped = kept.asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return stripped;
            }
        };
    }
}
