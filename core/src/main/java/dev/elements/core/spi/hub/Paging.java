package dev.elements.core.spi.hub;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * How a provider pages a list: the parameters that ask for a page, and where the next page starts.
 * The platform keeps the cursor inside its own sealed page token, so a cursor may be anything the
 * provider needs, but never a URL or a token: answers' {@code next} URLs often carry credentials.
 */
public interface Paging {

    /** The query parameters that ask for {@code page}: its size and, after the first, where it starts. */
    Map<String, String> parameters(PageRequest page);

    /**
     * Where the page after this one starts, or null when this one is the last.
     *
     * @param body the provider's answer
     * @param response the answer's status and headers
     * @param page the page that was asked for
     * @param itemCount how many items this page held
     */
    String nextCursor(JsonValue body, ProviderHttpResponse response, PageRequest page, int itemCount);

    /** Every parameter this paging sets: the application may not set them itself. */
    Set<String> parameterNames();

    /**
     * The items of the page asked for, out of those the provider answered: all of them, unless this
     * paging asked the provider for more than the page holds.
     */
    default JsonArray pageItems(JsonArray answered, PageRequest page) {
        return answered;
    }

    /** A cursor in the body ({@code meta.next_token}) sent back in a parameter ({@code pagination_token}). */
    static Paging bodyCursor(String limitParameter, String cursorParameter, String nextCursorPointer) {
        return new BodyCursorPaging(limitParameter, cursorParameter, nextCursorPointer);
    }

    /** RFC 8288 {@code Link: <...>; rel="next"} headers, as GitHub pages. */
    static Paging linkHeader(String limitParameter) {
        return new LinkHeaderPaging(limitParameter);
    }

    /**
     * {@code paging} for a provider that refuses pages smaller than {@code smallest} items: smaller
     * pages are asked for at that size and cut, with the rest handed out by the next page.
     */
    static Paging withSmallestPage(Paging paging, int smallest) {
        return new SmallestPagePaging(paging, smallest);
    }

    /** An offset and a count ({@code start} and {@code count}); a short page is the last. */
    static Paging offset(String offsetParameter, String limitParameter) {
        return new OffsetPaging(offsetParameter, limitParameter);
    }

    /** Lists that do not page: the provider answers every item at once. */
    static Paging none() {
        return new NoPaging();
    }
}
