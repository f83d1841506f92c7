package dev.elements.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.app.ElementsApi;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.Await;
import dev.elements.testing.CallbackReceiver;
import dev.elements.testing.TestClock;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What an events test runs against: the fake Facebook with one registered app (whose webhooks it
 * signs), an application's callback receiver, and the server started as Main starts it, on a clock
 * the test moves, so that retry times are exact and nothing waits for real seconds to pass. The
 * background delivery loop runs every 20 ms of real time; a retry is due only when the test moves
 * the clock to it. Registered as an extension, everything is closed after each test.
 */
final class EventsServer implements AfterEachCallback, AutoCloseable {
    static final String OAUTH_CALLBACK = "https://app.example/callback";
    static final String VERIFY_TOKEN = "operator-verify-token-3b5d7f9a1c";
    static final String ORGANIZATION_SECRET = "events-organization-secret-7c9e1a3b5d";
    static final String USER_SECRET = "events-user-secret-2e4a6c8e0b1d3f5a7c";
    static final String OPERATOR_SECRET = "events-operator-secret-9a1c3e5b7d9f1b3d";
    static final Duration DEADLINE = Duration.ofSeconds(60);

    final FakeFacebook facebook = FakeFacebook.start();
    final FakeApp app = facebook.registerApp("99001", "events-app-secret-5e7a9c1b", OAUTH_CALLBACK);
    final CallbackReceiver receiver = CallbackReceiver.start();
    /** Whole seconds, a little behind the fake's clock, so that no post of the test is older than a cursor. */
    final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(2));
    private final Path data = newDataDirectory();
    private final Map<String, String> extraSettings = new LinkedHashMap<>();
    private ElementsServer server;

    /** Adds settings for the next start (a database, for instance). */
    EventsServer with(Map<String, String> settings) {
        extraSettings.putAll(settings);
        return this;
    }

    Map<String, String> settings() {
        Map<String, String> settings = TestServers.settings(data, facebook, ORGANIZATION_SECRET, USER_SECRET);
        settings.put("ELEMENTS_FACEBOOKSOCIAL_EVENT_WEBHOOK_VERIFY_TOKEN", VERIFY_TOKEN);
        settings.put("ELEMENTS_OPERATOR_SECRET", OPERATOR_SECRET);
        settings.put("ELEMENTS_EVENTS_PERIOD_MS", "20");
        settings.putAll(extraSettings);
        return settings;
    }

    /** Starts a server (another node, when one runs already on a shared database). */
    ElementsServer startNode() {
        return TestServers.start(settings(), clock, new PrintStream(PrintStream.nullOutputStream()));
    }

    /** Starts the server, after stopping the one running, if any, on the same data directory. */
    EventsServer start() {
        stop();
        server = startNode();
        return this;
    }

    /** Stops the server and waits for what it was doing (deliveries under way included). */
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    ElementsServer server() {
        return server;
    }

    /** The first organization's administrator, on the running server. */
    TestHttpClient api() {
        return ElementsApi.asUser(server.port(), USER_SECRET, ORGANIZATION_SECRET);
    }

    /** A second organization, created by the operator, and its administrator's client. */
    TestHttpClient secondOrganization() {
        TestResponse created = ElementsApi.at(server.port(), "Operator " + OPERATOR_SECRET).postJson("/organizations",
                ElementsApi.json(Map.of("name", "Other Org", "adminEmail", "admin@other.example")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return ElementsApi.asUser(server.port(), created.json().path("user").path("secret").asText(),
                created.json().path("secret").asText());
    }

    /** Where Facebook sends deliveries and the handshake of the facebooksocial element. */
    URI webhooks() {
        return webhooks(server);
    }

    static URI webhooks(ElementsServer node) {
        return URI.create("http://127.0.0.1:" + node.port() + "/elements/api-v2/events/facebooksocial");
    }

    URI webhooks(String suffix) {
        return URI.create(webhooks() + suffix);
    }

    /** Facebook signs and POSTs {@code json} to the webhook endpoint. */
    HttpResponse<String> deliver(String json) {
        return facebook.webhooks().deliverWebhook(webhooks(), app, json);
    }

    /**
     * Provisions a Facebook instance for {@code user} through {@code client}'s organization, with
     * notifications to {@code callbackUrl} signed with {@code signatureKey} (none when null); more
     * configuration (polling, for instance) in {@code events}.
     *
     * @return the instance's id
     */
    long provision(TestHttpClient client, FakeUser user, String callbackUrl, String signatureKey,
            Map<String, String> events) {
        facebook.loginAs(user);
        String code = ElementsApi.facebookCode(client, app, OAUTH_CALLBACK);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("oauth.api.key", app.id());
        configuration.put("oauth.api.secret", app.secret());
        configuration.put("oauth.callback.url", OAUTH_CALLBACK);
        configuration.put("event.notification.enabled", "true");
        configuration.put("event.vendor.type", "webhook");
        configuration.put("event.notification.callback.url", callbackUrl);
        if (signatureKey != null) {
            configuration.put("event.notification.signature.key", signatureKey);
        }
        configuration.putAll(events);
        TestResponse created = client.postJson("/instances", ElementsApi.json(Map.of(
                "element", Map.of("key", "facebooksocial"), "providerData", Map.of("code", code),
                "configuration", configuration, "name", user.name() + "'s events")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    long provision(FakeUser user, String callbackUrl, String signatureKey) {
        return provision(api(), user, callbackUrl, signatureKey, Map.of());
    }

    /** {@code GET /instances/{id}/events}: the instance's recent events, newest first. */
    static List<JsonNode> events(TestHttpClient client, long instanceId) {
        TestResponse listed = client.get("/instances/" + instanceId + "/events");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        listed.json().forEach(events::add);
        return events;
    }

    List<JsonNode> events(long instanceId) {
        return events(api(), instanceId);
    }

    /** Waits until the instance's only event satisfies {@code condition}, and returns it. */
    JsonNode awaitOnlyEvent(long instanceId, String what, Predicate<JsonNode> condition) {
        Await.until(what, DEADLINE, () -> {
            List<JsonNode> events = events(instanceId);
            return events.size() == 1 && condition.test(events.get(0));
        });
        return events(instanceId).get(0);
    }

    /** Moves the server's clock by {@code step} at each round of waiting until {@code done}. */
    void advanceUntil(String what, Duration step, BooleanSupplier done) {
        Await.until(what, DEADLINE, () -> {
            if (done.getAsBoolean()) {
                return true;
            }
            clock.advance(step);
            return false;
        });
    }

    /** A notification's or an answer's JSON. */
    static JsonNode json(String text) {
        try {
            return TestResponse.JSON.readTree(text);
        } catch (IOException notJson) {
            throw new AssertionError("Not JSON: " + text, notJson);
        }
    }

    /** A date of the API ({@code ISO-8601}, milliseconds). */
    static Instant date(JsonNode value) {
        assertThat(value.isTextual()).as("a date: %s", value).isTrue();
        return Instant.parse(value.asText());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        stop();
        receiver.close();
        facebook.close();
        deleteDataDirectory();
    }

    private static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("elements-events");
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException(cannotCreate);
        }
    }

    private void deleteDataDirectory() {
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException cannotWalk) {
            throw new UncheckedIOException(cannotWalk);
        }
    }

    Path dataDirectory() {
        return data;
    }
}
