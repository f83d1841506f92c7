package dev.elements.http;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.ListInstancesQuery;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of {@code GET /instances}: {@code tags[]} (repeatable; plain {@code tags} is taken too,
 * as clients that do not bracket repeated parameters send it), {@code where} (CEQL),
 * {@code searchText}, {@code page} from 1 and {@code pageSize}.
 */
final class InstanceListRequest {
    private InstanceListRequest() {
    }

    /**
     * @param element the element a route path named, or null for every element
     * @throws PlatformException (400) naming {@code page} or {@code pageSize} when either is not a
     *     whole number in range, or pointing into {@code where} when it is no CEQL
     */
    static ListInstancesQuery query(Context ctx, String element) {
        List<String> tags = new ArrayList<>(ctx.queryParams("tags[]"));
        tags.addAll(ctx.queryParams("tags"));
        List<String> problems = new ArrayList<>();
        int page = number(ctx.queryParam("page"), 1, "page", problems);
        int pageSize = number(ctx.queryParam("pageSize"), ListInstancesQuery.DEFAULT_PAGE_SIZE, "pageSize", problems);
        if (!problems.isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, String.join("; ", problems));
        }
        return new ListInstancesQuery(tags, element, WhereParameter.parse(ctx.queryParam("where")),
                ctx.queryParam("searchText"), page, pageSize);
    }

    /** Never quotes the value: a query string is the client's, and a mistyped one may hold anything. */
    private static int number(String text, int absent, String name, List<String> problems) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number");
            return absent;
        }
    }
}
