package dev.elements.twitter;

import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.CredentialScrubber;
import dev.elements.core.spi.hub.HubClient;
import dev.elements.core.spi.hub.HubProfile;
import dev.elements.core.spi.hub.Paging;
import dev.elements.core.spi.hub.RateLimitHeaders;
import java.util.Map;

/** How X's API v2 is called: bearer tokens, JSON bodies, {@code data} and {@code meta.next_token}, per-user limits. */
final class TwitterHub {
    private TwitterHub() {
    }

    static HubClient client() {
        return new HubClient(HubProfile.rest(Paging.withSmallestPage(Paging.bodyCursor(TwitterFacts.PAGE_SIZE,
                        TwitterFacts.PAGE_CURSOR, TwitterFacts.NEXT_CURSOR), TwitterFacts.SMALLEST_PAGE), "/data")
                // An empty page is {"meta":{"result_count":0}}, without data.
                .withMissingItemsAreEmpty()
                .withErrors(TwitterProblems.ERRORS)
                .withHooks(new TwitterProblems())
                // X counts user-token calls per user and per app: both buckets are held back.
                .withUsage(new RateLimitHeaders(TwitterFacts.KEY, TwitterFacts.RATE_LIMIT_LIMIT,
                        TwitterFacts.RATE_LIMIT_REMAINING, TwitterFacts.RATE_LIMIT_RESET, true))
                .withCustomAnswers(Map.of(TwitterResources.PING, TwitterHub::ping)));
    }

    /** As the Facebook element answers its ping: whose token it is, and that it works. */
    private static HubResult ping(HubCall call, JsonValue body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber) {
        String id = body.at("/data/id").text();
        if (id == null) {
            throw new ProviderException(new ProviderError(ProviderErrorClass.TRANSIENT, null, null, null, usage),
                    "X answered HTTP " + response.status() + " to /users/me without the user's id", null);
        }
        JsonObject answer = JsonObject.builder().put("id", id).put("status", "ok").build();
        return new HubResult(200, scrubber.scrub(answer).toJsonBytes(), 1, null, usage);
    }
}
