package dev.elements.core.spi;

import dev.elements.core.port.out.ProviderHttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A provider's {@code Retry-After} header in seconds, the form providers' APIs send. */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Optional<Duration> of(ProviderHttpResponse response) {
        return response.header("Retry-After").map(String::strip).filter(value -> value.matches("[0-9]{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)));
    }
}
