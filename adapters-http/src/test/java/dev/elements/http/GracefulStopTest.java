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
        final CountDownLatch entered;
        final long millis;

        SlowCheck(long millis) {
            this(millis, 1);
        }

        SlowCheck(long millis, int callers) {
            this.millis = millis;
            this.entered = new CountDownLatch(callers);
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

    @Test
    void aRequestThatWaitsLongerThanTheShutdownIdleTimeoutStillFinishes() throws Exception {
        // Several in flight at once, each silent for a second: under load this is where Jetty's
        // shortened idle timeout used to drop requests during a stop.
        SlowCheck slow = new SlowCheck(1000, 4);
        ApiServer server = ApiServer.start(builder -> builder.readinessCheck(slow));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.util.List<CompletableFuture<HttpResponse<String>>> inFlight = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(client.sendAsync(HttpRequest.newBuilder(server.uri("/health"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(slow.entered.await(5, TimeUnit.SECONDS)).as("all four are being handled").isTrue();
        Thread.sleep(300);
        server.close();

        for (CompletableFuture<HttpResponse<String>> request : inFlight) {
            assertThat(request.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }
}
