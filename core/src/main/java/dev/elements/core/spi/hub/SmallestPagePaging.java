package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * For a provider that refuses pages smaller than some size (X takes {@code max_results} from 5 or
 * 10): a smaller page is asked for at that size and cut to the size wanted, and the cursor
 * remembers how many items of the provider's page were handed out, so the next page starts at the
 * first item not yet seen. Clamping alone would hand out more items than asked, and a page number
 * walked page by page would land on the wrong items.
 *
 * <p>The cursor is {@code <skip>} on the provider's first page, else {@code <skip>~<provider cursor>}.
 * A skip is only ever below {@code smallest}, so the provider is never asked for more than twice it.
 */
record SmallestPagePaging(Paging paging, int smallest) implements Paging {
    private static final char SEPARATOR = '~';

    SmallestPagePaging {
        requireNonNull(paging, "paging");
        if (smallest < 1) {
            throw new IllegalArgumentException("The smallest page holds at least one item: " + smallest);
        }
    }

    @Override
    public Map<String, String> parameters(PageRequest page) {
        return paging.parameters(providerPage(page));
    }

    @Override
    public JsonArray pageItems(JsonArray answered, PageRequest page) {
        int skip = Position.of(page).skip();
        int from = Math.min(skip, answered.size());
        int to = Math.min(skip + page.limit(), answered.size());
        return from == 0 && to == answered.size() ? answered : JsonArray.of(answered.items().subList(from, to));
    }

    @Override
    public String nextCursor(JsonValue body, ProviderHttpResponse response, PageRequest page, int itemCount) {
        Position position = Position.of(page);
        int handedOut = position.skip() + page.limit();
        if (handedOut < itemCount) {
            return new Position(handedOut, position.providerCursor()).toCursor();
        }
        String next = paging.nextCursor(body, response, providerPage(page), itemCount);
        return next == null ? null : new Position(0, next).toCursor();
    }

    @Override
    public Set<String> parameterNames() {
        return paging.parameterNames();
    }

    /** The page asked of the provider: from the same provider cursor, at least the smallest size. */
    private PageRequest providerPage(PageRequest page) {
        Position position = Position.of(page);
        return new PageRequest(Math.max(smallest, position.skip() + page.limit()), position.providerCursor());
    }

    /** How many items of the provider's page starting at {@code providerCursor} were handed out already. */
    private record Position(int skip, String providerCursor) {
        static Position of(PageRequest page) {
            String cursor = page.cursor();
            if (cursor == null) {
                return new Position(0, null);
            }
            // The cursor is ours, sealed in the platform's page token: a malformed one is a bug, not input.
            int separator = cursor.indexOf(SEPARATOR);
            return separator < 0
                    ? new Position(Integer.parseInt(cursor), null)
                    : new Position(Integer.parseInt(cursor.substring(0, separator)), cursor.substring(separator + 1));
        }

        String toCursor() {
            return providerCursor == null ? Integer.toString(skip) : skip + String.valueOf(SEPARATOR) + providerCursor;
        }
    }
}
