package dev.elements.facebook.fake;

import dev.elements.core.fake.oauth2.FakeClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one HTTP entry point: records the request, applies the test switches (down, latency, garbage), then routes to
 * the dialog, the token endpoint, debug_token or the Graph API under the fake's lock.
 */
final class FacebookHttpHandler implements HttpHandler {

    private static final String GARBAGE = "<!DOCTYPE html><html lang=\"en\"><head><title>Facebook | Error</title>"
            + "</head><body><h1>Sorry, something went wrong.</h1><p>We're working on it and we'll get it fixed as "
            + "soon as we can.</p></body></html>";

    private final Object lock;
    private final FakeClock clock;
    private final Switches switches;
    private final Observations observations;
    private final LoginDialog loginDialog;
    private final TokenEndpoint tokenEndpoint;
    private final DebugTokenEndpoint debugToken;
    private final GraphApi graphApi;

    FacebookHttpHandler(Object lock, FakeClock clock, Switches switches, Observations observations,
                        LoginDialog loginDialog, TokenEndpoint tokenEndpoint, DebugTokenEndpoint debugToken,
                        GraphApi graphApi) {
        this.lock = lock;
        this.clock = clock;
        this.switches = switches;
        this.observations = observations;
        this.loginDialog = loginDialog;
        this.tokenEndpoint = tokenEndpoint;
        this.debugToken = debugToken;
        this.graphApi = graphApi;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            RecordedRequest request = RequestReader.read(exchange, clock.now());
            observations.record(request);
            if (switches.down()) {
                // Closing without a response drops the connection: the client sees an IOException, as when
                // Facebook's edge resets it.
                return;
            }
            pause(switches.latency());
            if (switches.garbage()) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", FakeResponse.HTML);
                write(exchange, new FakeResponse(200, headers, GARBAGE.getBytes(StandardCharsets.UTF_8)),
                        switches.drip());
                return;
            }
            FakeResponse response;
            synchronized (lock) {
                response = route(request);
            }
            response.withHeader("x-fb-trace-id", RandomStrings.traceId());
            response.withHeader("x-fb-rev", "1000000000");
            if (!request.path().startsWith("/dialog")) {
                response.withHeader("facebook-api-version",
                        request.apiVersion() != null ? request.apiVersion() : GraphApi.DEFAULT_VERSION);
            }
            write(exchange, response, switches.drip());
        } catch (RuntimeException bug) {
            // A bug in the fake must be loud in the test log and still answer, so the test fails with a reason.
            bug.printStackTrace();
            write(exchange, FakeResponse.error(GraphError.unknownError().withMessage(
                    "Fake Facebook failed: " + bug), true), Duration.ZERO);
        } finally {
            exchange.close();
        }
    }

    private FakeResponse route(RecordedRequest request) {
        return switch (request.path()) {
            case "/dialog/oauth", "/oauth/authorize" -> loginDialog.handle(request);
            case "/oauth/access_token" -> tokenEndpoint.handle(request);
            case "/debug_token" -> debugToken.handle(request);
            default -> graphApi.handle(request);
        };
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(HttpExchange exchange, FakeResponse response, Duration drip) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream output = exchange.getResponseBody()) {
                if (drip.isZero()) {
                    output.write(body);
                } else {
                    for (byte single : body) {
                        output.write(single);
                        output.flush();
                        pause(drip);
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                    }
                }
            }
        }
    }
}
