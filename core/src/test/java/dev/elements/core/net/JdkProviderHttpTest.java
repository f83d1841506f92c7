package dev.elements.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkProviderHttpTest {
    private final JdkProviderHttp http = new JdkProviderHttp(Duration.ofSeconds(2));
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/echo", exchange -> {
            byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-App-Usage", "{\"call_count\":5}");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    @Test
    void sendsFormsAndReadsStatusHeadersAndBody() {
        ProviderHttpResponse response = http.send(
                ProviderHttpRequest.form("POST", uri("/echo?a=1"), "code=x%20y", Duration.ofSeconds(5)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.successful()).isTrue();
        assertThat(response.header("x-app-usage")).contains("{\"call_count\":5}");
        assertThat(response.bodyText()).isEqualTo("POST a=1 code=x%20y");
    }

    @Test
    void aSlowProviderTimesOutWithoutNamingTheQuery() {
        assertThatThrownBy(() -> http.send(
                ProviderHttpRequest.get(uri("/slow?access_token=canary-token"), Duration.ofMillis(300))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ProviderErrorClass.TIMEOUT);
                    assertThat(e.error().message()).isEmpty();
                    assertThat(e.getMessage()).contains("/slow").doesNotContain("canary-token");
                });
    }

    @Test
    void anUnreachableProviderIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort + "/x?access_token=canary-token");

        assertThatThrownBy(() -> http.send(ProviderHttpRequest.get(unreachable, Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ProviderErrorClass.TRANSIENT);
                    assertThat(e.getMessage()).doesNotContain("canary-token");
                });
    }

    @Test
    void requestsNeverPrintTheirQuery() {
        assertThat(ProviderHttpRequest.get(uri("/me?access_token=canary"), Duration.ofSeconds(1)).toString())
                .endsWith("/me").doesNotContain("canary");
    }
}
