package dev.elements.core.spi.hub;

import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.time.Instant;
import java.util.List;

/**
 * Reads what a provider says of an application's call budget, so the platform can hold calls
 * back before the provider refuses them. {@link RateLimitHeaders} reads the common headers.
 */
public interface UsageReader {

    /** The budgets an instance's calls spend: the application's, and the user's where limits are per user. */
    List<String> buckets(Configuration configuration, TokenSet tokens);

    /** The reading of one answer, or null when it said nothing. */
    ProviderUsage read(ProviderHttpResponse response, Configuration configuration, TokenSet tokens, Instant now);

    /** For providers that report nothing. */
    UsageReader NONE = new UsageReader() {
        @Override
        public List<String> buckets(Configuration configuration, TokenSet tokens) {
            return List.of();
        }

        @Override
        public ProviderUsage read(ProviderHttpResponse response, Configuration configuration, TokenSet tokens,
                Instant now) {
            return null;
        }
    };
}
