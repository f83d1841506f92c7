package dev.elements.http;

import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.tenant.SecretGenerator;
import dev.elements.testing.TestClock;
import dev.elements.testing.TestResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: nothing stopped a client from trying a thousand wrong secrets a second. Now a source
 * address, or one presented secret, that fails {@link #LIMIT} times within the window gets 429 with
 * {@code Retry-After} and no secret checked, until the window has passed; other addresses are not
 * affected. The window is measured by a test clock, so nothing here waits. Other addresses are other
 * loopback addresses (Linux routes all of 127.0.0.0/8 to loopback).
 */
class FailedAuthenticationsTest {
    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final SecretGenerator SECRETS = new SecretGenerator();

    private final TestClock clock = TestClock.atFixedStart();
    private ApiServer server;

    @BeforeEach
    void start() {
        server = ApiServer.start(HttpApiSettings.defaults().withFailedAuthentications(LIMIT, WINDOW), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aThousandWrongGuessesReachTheSecretCheckOnlyLimitTimes() {
        int checked = 0;
        int throttled = 0;
        for (int i = 0; i < 1_000; i++) {
            int status = server.get(INSTANCES, wrongSecrets()).status();
            if (status == 401) {
                checked++;
            } else if (status == 429) {
                throttled++;
            }
        }

        assertThat(checked).isEqualTo(LIMIT);
        assertThat(throttled).isEqualTo(1_000 - LIMIT);
    }

    @Test
    void aThrottledAddressGets429WithRetryAfterEvenWithTheRightSecretsUntilTheWindowPasses() {
        guessWrongly(LIMIT);

        TestResponse refused = server.get(INSTANCES, server.auth());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.message()).contains("Too many failed authentications");
        assertThat(server.get(INSTANCES, wrongSecrets()).status()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(20));
        assertThat(server.get(INSTANCES, server.auth()).header("Retry-After")).isEqualTo("40");

        clock.advance(Duration.ofSeconds(40));
        assertThat(server.get(INSTANCES, server.auth()).status()).isEqualTo(200);
        assertThat(server.get(INSTANCES, wrongSecrets()).status()).isEqualTo(401);
    }

    @Test
    void theRightSecretsFromAnotherAddressStillWork() {
        guessWrongly(LIMIT + 10);

        assertThat(server.get(INSTANCES, server.auth()).status()).isEqualTo(429);
        assertThat(statusFrom("127.0.0.2", INSTANCES, server.auth())).isEqualTo(200);
    }

    @Test
    void aKnownSecretWithWrongPartnersIsThrottledFromEveryAddress() {
        // Someone who has the User secret guesses the Organization secret, from a new address each time.
        for (int i = 0; i < LIMIT; i++) {
            assertThat(statusFrom("127.0.0." + (10 + i), INSTANCES,
                    "User " + server.userSecret + ", Organization " + SECRETS.newSecret())).isEqualTo(401);
        }

        assertThat(statusFrom("127.0.0.30", INSTANCES, server.auth())).isEqualTo(429);
        // The Organization secret itself was never presented wrongly, and the client's own address is fine:
        // only that User secret is held back.
        clock.advance(WINDOW);
        assertThat(statusFrom("127.0.0.30", INSTANCES, server.auth())).isEqualTo(200);
    }

    @Test
    void wrongElementTokensOnHubRoutesCountToo() {
        String hub = ApiServer.BASE + "/hubs/testing/items";
        server.provision(server.auth(), "guessed at", List.of());
        for (int i = 0; i < LIMIT; i++) {
            assertThat(server.get(hub, "Element " + SECRETS.newSecret()).status()).isEqualTo(401);
        }

        assertThat(server.get(hub, "Element " + SECRETS.newSecret()).status()).isEqualTo(429);
        assertThat(server.provider.hubCalls()).isZero();
    }

    @Test
    void missingCredentialsAreNoGuess() {
        for (int i = 0; i < LIMIT * 3; i++) {
            assertThat(server.get(INSTANCES, null).status()).isEqualTo(401);
        }

        assertThat(server.get(INSTANCES, server.auth()).status()).isEqualTo(200);
    }

    private void guessWrongly(int times) {
        for (int i = 0; i < times; i++) {
            int status = server.get(INSTANCES, wrongSecrets()).status();
            assertThat(status).isIn(401, 429);
        }
    }

    private static String wrongSecrets() {
        return "User " + SECRETS.newSecret() + ", Organization " + SECRETS.newSecret();
    }

    /** The status of a GET sent from {@code address}, which the JDK's HTTP client cannot choose. */
    private int statusFrom(String address, String path, String authorization) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port + "\r\nAuthorization: "
                    + authorization + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
