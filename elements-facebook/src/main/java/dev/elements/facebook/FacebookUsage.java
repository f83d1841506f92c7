package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads Facebook's usage headers, which say how close an app is to being throttled. */
final class FacebookUsage {
    private FacebookUsage() {
    }

    /**
     * The longest {@code estimated_time_to_regain_access} (minutes) in
     * {@code X-Business-Use-Case-Usage}, if Facebook sent one above zero.
     */
    static Optional<Duration> regainAccessAfter(ProviderHttpResponse response) {
        return response.header("X-Business-Use-Case-Usage")
                .flatMap(header -> Json.read(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .flatMap(usage -> {
                    long minutes = 0;
                    for (JsonNode buckets : usage) {
                        for (JsonNode bucket : buckets) {
                            minutes = Math.max(minutes, bucket.path("estimated_time_to_regain_access").asLong(0));
                        }
                    }
                    return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
                });
    }
}
