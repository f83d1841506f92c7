package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.instance.Configuration;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads Facebook's usage headers, which say how close an app is to being throttled: percentages of
 * the hourly budget in {@code X-App-Usage} (and {@code X-Page-Usage} for page tokens), and per page
 * in {@code X-Business-Use-Case-Usage} with the minutes until a throttled page may call again.
 */
final class FacebookUsage {
    private FacebookUsage() {
    }

    /** {@code facebooksocial:app:<app id>}: every instance of one Facebook app spends the same budget. */
    static Optional<String> bucketOf(Configuration configuration) {
        return configuration.get(FacebookFacts.CONFIG_API_KEY).map(appId -> FacebookFacts.USAGE_BUCKET_PREFIX + appId);
    }

    /**
     * One reading from all the usage headers of an answer: the highest percentage any of them
     * reports and the longest wait, or null when Facebook sent none we can read (it sends them only
     * once an app has made enough calls).
     */
    static ProviderUsage read(ProviderHttpResponse response, String bucket) {
        if (bucket == null) {
            return null;
        }
        Reading reading = new Reading();
        header(response, FacebookFacts.APP_USAGE_HEADER).ifPresent(reading::addPercentages);
        header(response, FacebookFacts.PAGE_USAGE_HEADER).ifPresent(reading::addPercentages);
        header(response, FacebookFacts.BUSINESS_USAGE_HEADER).ifPresent(reading::addBusinessUseCases);
        if (!reading.seen) {
            return null;
        }
        return new ProviderUsage(bucket, reading.percent,
                reading.regainMinutes > 0 ? Duration.ofMinutes(reading.regainMinutes) : null);
    }

    /**
     * The longest {@code estimated_time_to_regain_access} (minutes) in
     * {@code X-Business-Use-Case-Usage}, if Facebook sent one above zero.
     */
    static Optional<Duration> regainAccessAfter(ProviderHttpResponse response) {
        Reading reading = new Reading();
        header(response, FacebookFacts.BUSINESS_USAGE_HEADER).ifPresent(reading::addBusinessUseCases);
        return reading.regainMinutes > 0 ? Optional.of(Duration.ofMinutes(reading.regainMinutes)) : Optional.empty();
    }

    private static Optional<JsonNode> header(ProviderHttpResponse response, String name) {
        return response.header(name).flatMap(value -> Json.read(value.getBytes(StandardCharsets.UTF_8)))
                .filter(JsonNode::isObject);
    }

    /** The maxima so far; a header that is JSON but holds no numbers we know counts as not sent. */
    private static final class Reading {
        private boolean seen;
        private int percent;
        private long regainMinutes;

        /** {@code {"call_count":28,"total_time":25,"total_cputime":25}}. */
        void addPercentages(JsonNode usage) {
            for (String name : FacebookFacts.USAGE_PERCENTAGES) {
                JsonNode value = usage.get(name);
                if (value != null && value.isNumber()) {
                    seen = true;
                    percent = Math.max(percent, Math.max(0, value.asInt()));
                }
            }
        }

        /** {@code {"<business id>":[{"type":"pages","call_count":100,...,"estimated_time_to_regain_access":10}]}}. */
        void addBusinessUseCases(JsonNode usage) {
            for (JsonNode useCases : usage) {
                for (JsonNode useCase : useCases) {
                    if (useCase.isObject()) {
                        addPercentages(useCase);
                        regainMinutes = Math.max(regainMinutes,
                                useCase.path(FacebookFacts.REGAIN_ACCESS_MINUTES).asLong(0));
                    }
                }
            }
        }
    }
}
