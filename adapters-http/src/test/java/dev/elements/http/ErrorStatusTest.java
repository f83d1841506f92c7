package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.error.ErrorType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorStatusTest {

    @Test
    void everyErrorTypeHasTheStatusApiMdPromises() {
        Map<ErrorType, Integer> expected = new EnumMap<>(ErrorType.class);
        expected.put(ErrorType.INVALID_INPUT, 400);
        expected.put(ErrorType.UNAUTHENTICATED, 401);
        expected.put(ErrorType.FORBIDDEN, 403);
        expected.put(ErrorType.NOT_FOUND, 404);
        expected.put(ErrorType.METHOD_NOT_ALLOWED, 405);
        expected.put(ErrorType.GONE, 410);
        expected.put(ErrorType.CONFLICT, 409);
        expected.put(ErrorType.RATE_LIMITED, 429);
        expected.put(ErrorType.PROVIDER_FAILED, 502);
        expected.put(ErrorType.PROVIDER_TIMEOUT, 504);
        expected.put(ErrorType.UNAVAILABLE, 503);
        expected.put(ErrorType.INTERNAL, 500);

        assertThat(expected.keySet()).containsExactlyInAnyOrder(ErrorType.values());
        expected.forEach((type, status) -> assertThat(ErrorResponses.status(type)).as(type.name()).isEqualTo(status));
    }

    @Test
    void settingsDefaultToOneMebibyteAndRefuseNonsense() {
        assertThat(HttpApiSettings.defaults().maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(HttpApiSettings.defaults().stopTimeout()).isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpApiSettings(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpApiSettings(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
