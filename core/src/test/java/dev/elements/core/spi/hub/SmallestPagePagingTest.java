package dev.elements.core.spi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonNumber;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SmallestPagePagingTest {
    private static final int SMALLEST = 10;
    private static final int ITEMS = 23;
    private final Paging paging = Paging.withSmallestPage(
            Paging.bodyCursor("max_results", "pagination_token", "/meta/next_token"), SMALLEST);
    private final List<Integer> asked = new ArrayList<>();

    @Test
    void smallPagesWalkEveryItemOnceInOrderWithoutAskingTheProviderForLessThanItTakes() {
        List<Integer> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(3);
        List<Integer> sizes = new ArrayList<>();
        while (page != null) {
            Page answer = call(page);
            sizes.add(answer.items().size());
            seen.addAll(answer.items());
            page = answer.next() == null ? null : new PageRequest(3, answer.next());
        }
        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, ITEMS).boxed().toList());
        assertThat(sizes.subList(0, sizes.size() - 1)).as("every page but the last is as large as asked")
                .allMatch(size -> size == 3);
        assertThat(asked).as("the provider is never asked for a page smaller than it takes, nor much larger")
                .allMatch(size -> size >= SMALLEST && size < 2 * SMALLEST);
    }

    @Test
    void pagesAtLeastTheSmallestPassThroughUnchanged() {
        Page first = call(PageRequest.first(20));
        assertThat(first.items()).hasSize(20);
        assertThat(asked).containsExactly(20);
        Page second = call(new PageRequest(20, first.next()));
        assertThat(second.items()).containsExactly(20, 21, 22);
        assertThat(second.next()).isNull();
    }

    @Test
    void itsParametersAreTheProvidersOwn() {
        assertThat(paging.parameterNames()).containsExactlyInAnyOrder("max_results", "pagination_token");
        assertThat(paging.parameters(PageRequest.first(1))).containsExactly(Map.entry("max_results", "10"));
    }

    private record Page(List<Integer> items, String next) {
    }

    /** A provider whose cursors are the index of the next item, serving items 0 to 22. */
    private Page call(PageRequest page) {
        Map<String, String> parameters = paging.parameters(page);
        int size = Integer.parseInt(parameters.get("max_results"));
        asked.add(size);
        int start = Integer.parseInt(parameters.getOrDefault("pagination_token", "0"));
        int end = Math.min(ITEMS, start + size);
        List<JsonValue> items = IntStream.range(start, end).<JsonValue>mapToObj(i -> new JsonNumber(Integer.toString(i)))
                .toList();
        JsonObject.Builder meta = JsonObject.builder();
        if (end < ITEMS) {
            meta.put("next_token", Integer.toString(end));
        }
        JsonObject body = JsonObject.builder().put("data", JsonArray.of(items)).put("meta", meta.build()).build();
        JsonArray answered = JsonArray.of(items);
        JsonArray kept = paging.pageItems(answered, page);
        String next = paging.nextCursor(body, new ProviderHttpResponse(200, Map.of(), body.toJsonBytes()), page,
                answered.size());
        return new Page(kept.items().stream().map(item -> (int) ((JsonNumber) item).longValue()).toList(), next);
    }
}
