package dev.elements.core.hub;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a plugin made of the provider's answer.
 *
 * @param status the status to give the application (2xx; refusals are exceptions)
 * @param body the JSON to return: for list resources the array of items (not the provider's
 *     envelope), for others the object
 * @param itemCount how many items a list holds ({@code Elements-Returned-Count}); 1 for an object
 * @param nextCursor the provider's cursor for the next page, or null when the provider said this is
 *     the last page; never a URL, and never a token
 * @param usage how close the application is to the provider's limits, if the provider said
 */
public record HubResult(int status, byte[] body, int itemCount, String nextCursor, ProviderUsage usage) {
    public HubResult {
        requireNonNull(body, "body");
        body = body.clone();
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("A hub result is a success; report refusals as ProviderExceptions");
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    public Optional<ProviderUsage> usageIfKnown() {
        return Optional.ofNullable(usage);
    }

    @Override
    public String toString() {
        return "HubResult[status=" + status + ", items=" + itemCount + ", more=" + (nextCursor != null) + "]";
    }
}
