package dev.elements.twitter;

import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.spi.hub.ErrorMapping;
import dev.elements.core.spi.hub.HubHooks;
import java.util.List;
import java.util.Map;

/**
 * X's errors are problem details (RFC 7807) with an {@code errors} array; a lookup of what does not
 * exist is not a 404 but a 200 with only {@code errors}, which is a refusal all the same.
 */
final class TwitterProblems implements HubHooks {
    /**
     * The first entry of {@code errors} says most (the parameter and why); the top-level
     * {@code detail} of a 400 only says that some parameter was wrong.
     */
    static final ErrorMapping ERRORS = new ErrorMapping(ErrorMapping.STANDARD_STATUSES,
            List.of("/errors/0/message", "/errors/0/detail", "/detail", "/title"), "/errors/0/type",
            Map.of(TwitterFacts.RESOURCE_NOT_FOUND, ProviderErrorClass.NOT_FOUND,
                    TwitterFacts.NOT_AUTHORIZED_FOR_RESOURCE, ProviderErrorClass.PERMISSION));

    @Override
    public boolean refusedDespiteSuccess(JsonValue body) {
        return body.path("data").isMissing() && body.path("errors").isArray();
    }
}
