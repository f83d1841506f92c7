package dev.elements.core.fake.oauth2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one HTTP entry point: records the request, applies the switches (down, latency, queued failures), then answers
 * from the authorization endpoint, the token endpoint or a protected route, under the provider's lock.
 */
final class ProviderHttpHandler implements HttpHandler {

    private final Object lock;
    private final FakeOAuth2Options options;
    private final FakeClock clock;
    private final Switches switches;
    private final Observations observations;
    private final Grants grants;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final Routes routes;

    ProviderHttpHandler(Object lock, FakeOAuth2Options options, FakeClock clock, Switches switches,
                        Observations observations, Grants grants, AuthorizeEndpoint authorize, TokenEndpoint token,
                        Routes routes) {
        this.lock = lock;
        this.options = options;
        this.clock = clock;
        this.switches = switches;
        this.observations = observations;
        this.grants = grants;
        this.authorize = authorize;
        this.token = token;
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            FakeRequest request = read(exchange);
            observations.record(request);
            if (switches.down()) {
                write(exchange, FakeResponse.text(503, "Service Unavailable"));
                return;
            }
            pause(switches.latency());
            FakeResponse response;
            synchronized (lock) {
                response = route(request);
            }
            write(exchange, response);
        } catch (RuntimeException bug) {
            // A bug in the fake must be loud in the test log and still answer, so the test fails with a reason.
            bug.printStackTrace();
            write(exchange, FakeResponse.text(500, "Fake provider failed: " + bug));
        } finally {
            exchange.close();
        }
    }

    private FakeResponse route(FakeRequest request) {
        String path = request.path();
        if (path.equals(options.authorizePath()) || path.equals(options.tokenPath())) {
            boolean authorizing = path.equals(options.authorizePath());
            String method = authorizing ? "GET" : "POST";
            if (!request.method().equals(method)) {
                return FakeResponse.text(405, "Method Not Allowed").withHeader("Allow", method);
            }
            FakeResponse failure = switches.takeFailure(method + " " + path);
            if (failure != null) {
                return failure;
            }
            return authorizing ? authorize.handle(request) : token.handle(request);
        }
        Optional<Routes.Match> match = routes.match(request.method(), path);
        if (match.isEmpty()) {
            return FakeResponse.json(404, FakeJson.object().put("error", "not_found"));
        }
        FakeResponse failure = switches.takeFailure(match.get().route().endpoint());
        if (failure != null) {
            return failure;
        }
        Optional<Grants.AccessToken> access = grants.usableAccessToken(bearerToken(request), clock.now());
        if (access.isEmpty()) {
            return options.invalidBearerToken().get();
        }
        FakeOAuth2User user = grants.user(access.get().userId()).orElseThrow();
        return match.get().route().handler().handle(
                new ProtectedRequest(request, user, access.get().scopes(), match.get().pathValues()));
    }

    /** RFC 6750 section 2.1 only: a token in the query or the body is not looked at. */
    private static String bearerToken(FakeRequest request) {
        return request.header("Authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .filter(value -> !value.isEmpty())
                .orElse(null);
    }

    private FakeRequest read(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        // URLDecoder would turn '+' into a space, which is wrong in a path.
        String path = Forms.decodeComponent((rawPath == null || rawPath.isEmpty() ? "/" : rawPath).replace("+", "%2B"));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        byte[] body;
        try (InputStream input = exchange.getRequestBody()) {
            body = input.readAllBytes();
        }
        return new FakeRequest(exchange.getRequestMethod().toUpperCase(), path,
                Forms.decode(exchange.getRequestURI().getRawQuery()), Collections.unmodifiableMap(headers),
                new String(body, StandardCharsets.UTF_8), clock.now());
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

    private static void write(HttpExchange exchange, FakeResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(body);
            }
        }
    }
}
