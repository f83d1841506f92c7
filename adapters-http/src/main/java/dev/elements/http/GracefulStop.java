package dev.elements.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Lets requests in flight finish when the server stops. The one place that reaches past Javalin
 * into Jetty's insides, because neither offers this. GracefulStopTest holds the promise; the two
 * idle-timeout parts were added when requests were dropped during stops under load, which that test
 * does not reproduce on a quiet machine (it passes without them there), so they stay as insurance.
 *
 * <ul>
 *   <li>Jetty 12 waits for requests in flight on stop only behind a {@link GracefulHandler}, and
 *       only for the stop timeout.
 *   <li>A handler that waits on a provider does no I/O on its connection for a while, and Jetty
 *       fails such a request when the connection's idle timeout passes, which on shutdown is cut to
 *       {@link #IDLE_CONNECTION_SHUTDOWN}: requests in flight would be dropped instead of finished.
 *       Our handlers are bounded by their own timeouts, so a request being handled declines idle
 *       timeouts; a client that stalls a read or write still meets them.
 *   <li>The connection was silent while the handler worked; its idle clock still counts from the
 *       request, so the response's write could be failed as idle. It is reset just before the
 *       answer goes out.
 * </ul>
 */
final class GracefulStop {
    /** Kept-alive connections without a request get this long to close once stopping begins. */
    private static final Duration IDLE_CONNECTION_SHUTDOWN = Duration.ofMillis(100);

    private GracefulStop() {
    }

    /** Before any other before-handler, so that nothing a request does first is cut short. */
    static void install(JavalinConfig config, Duration stopTimeout) {
        config.jetty.modifyServer(server -> {
            GracefulHandler graceful = new GracefulHandler();
            graceful.setShutdownIdleTimeout(IDLE_CONNECTION_SHUTDOWN.toMillis());
            server.insertHandler(graceful);
            server.setStopTimeout(stopTimeout.toMillis());
        });
        config.routes.before(GracefulStop::keepThroughIdleTimeouts);
        config.routes.after(GracefulStop::markActive);
    }

    private static void keepThroughIdleTimeouts(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) {
            request.addIdleTimeoutListener(timeout -> false);
        }
    }

    private static void markActive(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null && request.getConnectionMetaData().getConnection().getEndPoint()
                instanceof IdleTimeout endPoint) {
            endPoint.notIdle();
        }
    }
}
