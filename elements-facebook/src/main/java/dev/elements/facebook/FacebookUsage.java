package dev.elements.facebook;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonMissing;
import dev.elements.core.json.JsonNumber;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.hub.UsageReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Reads Facebook's usage headers, which say how close an app is to being throttled: percentages of
 * the hourly budget in {@code X-App-Usage} (and {@code X-Page-Usage} for page tokens), and per page
 * in {@code X-Business-Use-Case-Usage} with the minutes until a throttled page may call again.
 * Facebook counts calls against the app, so every instance of one app id shares a bucket.
 */
final class FacebookUsage implements UsageReader {

    /** {@code facebooksocial:app:<app id>}: every instance of one Facebook app spends the same budget. */
    @Override
    public List<String> buckets(Configuration configuration, TokenSet tokens) {
        return configuration.get(CommonConfiguration.OAUTH_API_KEY)
                .map(app -> List.of(FacebookFacts.USAGE_BUCKET_PREFIX + app)).orElse(List.of());
    }

    /**
     * One reading from all the usage headers of an answer: the highest percentage any of them
     * reports and the longest wait, or null when Facebook sent none we can read (it sends them only
     * once an app has made enough calls). A header that is JSON but holds no numbers we know counts
     * as not sent.
     */
    @Override
    public ProviderUsage read(ProviderHttpResponse response, Configuration configuration, TokenSet tokens,
            Instant now) {
        List<JsonValue> readings = new ArrayList<>(businessUseCases(response));
        readings.add(header(response, FacebookFacts.APP_USAGE_HEADER));
        readings.add(header(response, FacebookFacts.PAGE_USAGE_HEADER));
        // {"call_count":28,"total_time":25,"total_cputime":25}
        OptionalInt percent = readings.stream()
                .flatMap(reading -> FacebookFacts.USAGE_PERCENTAGES.stream().map(reading::path))
                .filter(JsonNumber.class::isInstance)
                .mapToInt(number -> (int) Math.max(0, Math.min(Integer.MAX_VALUE,
                        ((JsonNumber) number).decimal().longValue())))
                .max();
        List<String> bucket = buckets(configuration, tokens);
        if (bucket.isEmpty() || percent.isEmpty()) {
            return null;
        }
        return new ProviderUsage(bucket.get(0), percent.getAsInt(), regainAccessAfter(response).orElse(null));
    }

    /** The longest {@code estimated_time_to_regain_access} in {@code X-Business-Use-Case-Usage}, if above zero. */
    static Optional<Duration> regainAccessAfter(ProviderHttpResponse response) {
        long minutes = businessUseCases(response).stream()
                .mapToLong(useCase -> useCase.path(FacebookFacts.REGAIN_ACCESS_MINUTES).longOr(0)).max().orElse(0);
        return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
    }

    /** {@code {"<business id>":[{"type":"pages","call_count":100,...,"estimated_time_to_regain_access":10}]}}. */
    private static List<JsonValue> businessUseCases(ProviderHttpResponse response) {
        if (!(header(response, FacebookFacts.BUSINESS_USAGE_HEADER) instanceof JsonObject businesses)) {
            return List.of();
        }
        return businesses.members().values().stream()
                .flatMap(useCases -> useCases instanceof JsonArray array ? array.items().stream() : Stream.<JsonValue>empty())
                .filter(JsonValue::isObject).toList();
    }

    private static JsonValue header(ProviderHttpResponse response, String name) {
        return response.header(name).flatMap(value -> Json.tryParse(value.getBytes(StandardCharsets.UTF_8)))
                .orElse(JsonMissing.INSTANCE);
    }
}
