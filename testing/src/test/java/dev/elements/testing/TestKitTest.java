package dev.elements.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The kit's own promises, so that a broken helper fails here and not as a puzzle in another module. */
class TestKitTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Test
    void theClockMovesOnlyWhenTold() {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-05-01T10:05:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCallbackReceiverRecordsExactBytesFailsOnPurposeAndHangsUntilReleased() throws Exception {
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            TestHttpClient client = TestHttpClient.at(receiver.url("")).withHeader("X-Test", "yes");
            receiver.failNext(2, 503);
            assertThat(client.postJson("/hook", "{\"a\":1}").status()).isEqualTo(503);
            assertThat(client.postJson("/hook", "{\"a\":2}").status()).isEqualTo(503);
            assertThat(client.postJson("/hook", "{\"a\":\"\\u00e9\"}").status()).isEqualTo(200);
            receiver.hangNext(1);
            var hung = client.sendAsync(client.request("/slow").POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString("x")).build());
            receiver.awaitReceived(4, Duration.ofSeconds(10));
            assertThat(hung).isNotDone();
            receiver.release();

            assertThat(hung.get().status()).isEqualTo(503);
            assertThat(receiver.receivedOn("/hook")).extracting(CallbackReceiver.Received::answered)
                    .containsExactly(503, 503, 200);
            CallbackReceiver.Received accepted = receiver.accepted().get(0);
            assertThat(accepted.text()).isEqualTo("{\"a\":\"\\u00e9\"}");
            assertThat(accepted.header("x-TEST")).isEqualTo("yes");
            assertThat(receiver.awaitAccepted(1, Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void theLogCaptureSeesSlf4jAndJulUntilClosed() {
        String canary = "canary-" + System.nanoTime();
        try (LogCapture logs = new LogCapture()) {
            LoggerFactory.getLogger("dev.elements.kit").warn("slf4j {}", canary, new IllegalStateException("trace"));
            java.util.logging.Logger.getLogger("dev.elements.kit").fine("jul " + canary);
            assertThat(logs.text()).contains("slf4j " + canary, "IllegalStateException: trace", "jul " + canary);
            logs.close();
            LoggerFactory.getLogger("dev.elements.kit").warn("after {}", canary);
            assertThat(logs.text()).doesNotContain("after " + canary);
        }
    }

    @Test
    void theClientSendsItsHeadersAndReadsJson() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] answer = TestResponse.JSON.writeValueAsBytes(Map.of(
                    "method", exchange.getRequestMethod(),
                    "path", exchange.getRequestURI().toString(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "body", body));
            exchange.getResponseHeaders().add("Elements-Request-Id", "abc");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            TestHttpClient client = TestHttpClient.at("http://127.0.0.1:" + server.getAddress().getPort() + "/base")
                    .withHeader("Authorization", "User u");
            TestResponse answer = client.postForm("/x", Map.of("a b", "c&d"));
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.requestId()).isEqualTo("abc");
            assertThat(answer.json().path("path").asText()).isEqualTo("/base/x");
            assertThat(answer.json().path("authorization").asText()).isEqualTo("User u");
            assertThat(answer.json().path("body").asText()).isEqualTo("a+b=c%26d");
            TestResponse withoutAuthorization = client.withHeader("Authorization", null).patchJson("/y", "{}");
            assertThat(withoutAuthorization.json().path("method").asText()).isEqualTo("PATCH");
            assertThat(withoutAuthorization.json().path("authorization").asText()).isEqualTo("null");
            assertThat(withoutAuthorization.json().path("contentType").asText()).isEqualTo("application/json");
            TestResponse byWholeUrl = TestHttpClient.withoutBase()
                    .sendAsync(TestHttpClient.withoutBase().request(client.base() + "/z?q=1").GET().build()).join();
            assertThat(byWholeUrl.json().path("method").asText()).isEqualTo("GET");
            assertThat(byWholeUrl.json().path("path").asText()).isEqualTo("/base/z?q=1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void eachDatabaseIsNewAndEmpty() throws Exception {
        TestDatabase first = DATABASES.create(DatabaseKind.POSTGRESQL);
        TestDatabase second = DATABASES.create(DatabaseKind.POSTGRESQL);
        assertThat(first.postgresUrl()).isNotEqualTo(second.postgresUrl());
        try (Connection connection = DriverManager.getConnection(first.postgresUrl(), first.user(), first.password());
                ResultSet tables = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            assertThat(tables.next()).as("tables in a fresh database").isFalse();
        }
        TestDatabase h2 = DATABASES.create(DatabaseKind.H2);
        assertThat(h2.h2Directory()).isEmptyDirectory();
        assertThat(DATABASES.create(DatabaseKind.H2).h2Directory()).isNotEqualTo(h2.h2Directory());
        assertThat(Files.isDirectory(h2.h2Directory())).isTrue();
    }

    @Test
    void awaitReturnsOnceTheConditionHoldsAndNamesWhatItWaitedFor() {
        AtomicBoolean done = new AtomicBoolean();
        new Thread(() -> done.set(true)).start();
        Await.until("the thread", Duration.ofSeconds(10), done::get);
        assertThatThrownBy(() -> Await.until("never", Duration.ofMillis(30), () -> false))
                .hasMessageContaining("never");
    }
}
