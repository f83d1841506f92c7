package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.JsonValue;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.FormEncoding;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 8288 links: the answer's {@code Link} header names the next page's URL. Only that URL's query
 * is kept as the cursor, and of it only what is not a credential, so the next call goes to the
 * resource's own path at the operator's base URL whatever host the link names.
 */
record LinkHeaderPaging(String limitParameter) implements Paging {
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    private static final Set<String> CREDENTIALS = Set.of("access_token", "client_secret", "client_id");

    LinkHeaderPaging {
        requireNonNull(limitParameter, "limitParameter");
    }

    @Override
    public Map<String, String> parameters(PageRequest page) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (page.cursor() != null) {
            parameters.putAll(FormEncoding.decode(page.cursor()));
        }
        parameters.put(limitParameter, Integer.toString(page.limit()));
        return parameters;
    }

    @Override
    public String nextCursor(JsonValue body, ProviderHttpResponse response, PageRequest page, int itemCount) {
        String links = String.join(",", response.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Link"))
                .flatMap(header -> header.getValue().stream()).toList());
        Matcher next = NEXT.matcher(links);
        if (!next.find()) {
            return null;
        }
        Map<String, String> query;
        try {
            query = FormEncoding.decode(URI.create(next.group(1).strip()).getRawQuery());
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
        query.keySet().removeIf(name -> CREDENTIALS.contains(name) || name.equals(limitParameter));
        return query.isEmpty() ? null : FormEncoding.encode(query);
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(limitParameter);
    }
}
