package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.port.out.ReadinessCheck;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

    /** A readiness check that takes its time, so a request is in flight when stop() is called. */
    private static final class SlowCheck implements ReadinessCheck {
        final CountDownLatch entered = new CountDownLatch(1);
        final long millis;

        SlowCheck(long millis) {
            this.millis = millis;
        }

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public boolean ready() {
            entered.countDown();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        }
    }

    @Test
    void requestsInFlightFinishBeforeTheServerStops() throws Exception {
        SlowCheck slow = new SlowCheck(2000);
        ApiServer server = ApiServer.start(builder -> builder.readinessCheck(slow));
        HttpClient client = HttpClient.newHttpClient();

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(server.uri("/health")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();
        server.close();

        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }
}
