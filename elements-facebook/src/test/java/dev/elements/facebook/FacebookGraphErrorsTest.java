package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.json.Json;
import dev.elements.core.json.JsonMissing;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FacebookGraphErrorsTest {
    private static ProviderHttpResponse response(int status, String body, Map<String, List<String>> headers) {
        return new ProviderHttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static ProviderException graphCallRefusal(ProviderHttpResponse response) {
        return FacebookGraphErrors.GRAPH_CALLS.refusal(response, bodyOf(response), null);
    }

    private static JsonValue bodyOf(ProviderHttpResponse response) {
        return Json.tryParse(response.body()).orElse(JsonMissing.INSTANCE);
    }

    private static String error(int code, String subcode) {
        return "{\"error\":{\"message\":\"(#" + code + ") words\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode.isEmpty() ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"Abc\"}}";
    }

    @ParameterizedTest(name = "Graph code {0}/{1} with HTTP {2} is {3}")
    @CsvSource({
        "190, 463, 400, INVALID_TOKEN",
        "190, 458, 400, INVALID_TOKEN",
        "102, '', 400, INVALID_TOKEN",
        "4, '', 403, RATE_LIMITED",
        "17, '', 403, RATE_LIMITED",
        "32, '', 403, RATE_LIMITED",
        "613, '', 400, RATE_LIMITED",
        "80001, '', 400, RATE_LIMITED",
        "10, '', 403, PERMISSION",
        "200, '', 403, PERMISSION",
        "299, '', 400, PERMISSION",
        "1, '', 500, TRANSIENT",
        "2, '', 503, TRANSIENT",
        "100, 33, 400, BAD_REQUEST",
        "506, '', 400, BAD_REQUEST",
        "12345, '', 500, TRANSIENT"
    })
    void graphCallsAreClassifiedByCode(int code, String subcode, int status, ProviderErrorClass expected) {
        ProviderException exception = graphCallRefusal(response(status, error(code, subcode), Map.of()));

        assertThat(exception.errorClass()).isEqualTo(expected);
        assertThat(exception.error().providerMessage()).isEqualTo("(#" + code + ") words");
        assertThat(exception.error().providerCode()).isEqualTo(subcode.isEmpty() ? "" + code : code + "/" + subcode);
    }

    @ParameterizedTest(name = "token endpoint code {0} with HTTP {1} is {2}")
    @CsvSource({
        "100, 400, INVALID_GRANT",
        "101, 400, INVALID_GRANT",
        "1, 400, INVALID_GRANT",
        "1, 500, TRANSIENT",
        "2, 503, TRANSIENT",
        "190, 400, INVALID_TOKEN",
        "4, 403, RATE_LIMITED"
    })
    void tokenEndpointRefusalsAreClassified(int code, int status, ProviderErrorClass expected) {
        ProviderHttpResponse response = response(status, error(code, ""), Map.of());

        assertThat(FacebookGraphErrors.TOKEN_ENDPOINT.refusal(response, bodyOf(response)).errorClass())
                .isEqualTo(expected);
    }

    @Test
    void anUnreadableAnswerIsAnOutageWithoutProviderWords() {
        ProviderException exception = graphCallRefusal(response(502, "<html>Bad gateway</html>", Map.of()));

        assertThat(exception.errorClass()).isEqualTo(ProviderErrorClass.TRANSIENT);
        assertThat(exception.error().message()).isEmpty();
    }

    @Test
    void aRateLimitCarriesTheTimeFacebookEstimates() {
        ProviderException exception = graphCallRefusal(response(400, error(80001, ""),
                Map.of("X-Business-Use-Case-Usage", List.of("{\"123\":[{\"type\":\"pages\",\"call_count\":100,"
                        + "\"estimated_time_to_regain_access\":7}]}"))));

        assertThat(exception.error().retryAfterHint()).contains(Duration.ofMinutes(7));
    }
}
