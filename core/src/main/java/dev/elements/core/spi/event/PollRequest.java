package dev.elements.core.spi.event;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.TokenSet;
import java.time.Instant;

/**
 * One poll of one instance.
 *
 * @param tokens the instance's current credentials, renewed first when they were due
 * @param configuration the instance's effective configuration, secrets included
 * @param cursor what the previous poll returned, or null for the first
 * @param since when polling started: the first poll reports only what is newer
 */
public record PollRequest(TokenSet tokens, Configuration configuration, String cursor, Instant since) {
    public PollRequest {
        requireNonNull(tokens, "tokens");
        requireNonNull(configuration, "configuration");
        requireNonNull(since, "since");
    }
}
