package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The limit, remaining and reset headers most APIs send ({@code x-rate-limit-*} at X,
 * {@code x-ratelimit-*} at GitHub): the share used, and when the window resets once nothing remains.
 * Limits count per user when {@code perUser} (the answer's reading goes to the user's bucket), else
 * per application; the application's bucket is held back in both cases.
 *
 * @param element the element key, the buckets' prefix
 * @param limitHeader the header with the window's size
 * @param remainingHeader the header with the calls left
 * @param resetHeader the header with the window's end, in epoch seconds
 * @param perUser whether the provider counts these limits per user
 */
public record RateLimitHeaders(String element, String limitHeader, String remainingHeader, String resetHeader,
        boolean perUser) implements UsageReader {

    public RateLimitHeaders {
        requireNonNull(element, "element");
        requireNonNull(limitHeader, "limitHeader");
        requireNonNull(remainingHeader, "remainingHeader");
        requireNonNull(resetHeader, "resetHeader");
    }

    @Override
    public List<String> buckets(Configuration configuration, TokenSet tokens) {
        List<String> buckets = new ArrayList<>();
        appBucket(configuration).ifPresent(buckets::add);
        userBucket(configuration, tokens).ifPresent(buckets::add);
        return buckets;
    }

    @Override
    public ProviderUsage read(ProviderHttpResponse response, Configuration configuration, TokenSet tokens,
            Instant now) {
        Optional<String> bucket = perUser ? userBucket(configuration, tokens) : appBucket(configuration);
        long limit = number(response, limitHeader);
        long remaining = number(response, remainingHeader);
        if (bucket.isEmpty() || limit <= 0 || remaining < 0) {
            return null;
        }
        int percent = (int) Math.min(100, (Math.max(0, limit - remaining) * 100) / limit);
        long reset = number(response, resetHeader);
        Duration untilReset = remaining == 0 && reset > now.getEpochSecond()
                ? Duration.ofSeconds(reset - now.getEpochSecond())
                : null;
        return new ProviderUsage(bucket.get(), percent, untilReset);
    }

    private Optional<String> appBucket(Configuration configuration) {
        return configuration.get(CommonConfiguration.OAUTH_API_KEY).map(app -> element + ":app:" + app);
    }

    private Optional<String> userBucket(Configuration configuration, TokenSet tokens) {
        if (!perUser || tokens.providerUserId() == null) {
            return Optional.empty();
        }
        return appBucket(configuration).map(app -> app + ":user:" + tokens.providerUserId());
    }

    private static long number(ProviderHttpResponse response, String header) {
        return response.header(header).map(String::strip).filter(value -> value.matches("[0-9]{1,18}"))
                .map(Long::parseLong).orElse(-1L);
    }
}
