package dev.elements.core.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.query.Condition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of a hub resource, as the platform hands it to the plugin: the resource already
 * matched, its path parameters resolved, the credentials fresh, the paging translated.
 *
 * @param resource the matched resource
 * @param pathParameters values of the resource path's placeholders, such as {@code id}
 * @param query the application's query parameters, minus the platform's own ({@code page},
 *     {@code pageSize}, {@code nextPage}) and {@code where}; {@code fields} and the like pass through
 * @param where the application's CEQL condition, parsed, or null when it sent none; a plugin either
 *     translates it into the provider's query or refuses the call (see
 *     {@code spi.hub.HubHooks#translateWhere}), never ignores it
 * @param body the request body (JSON), or empty
 * @param tokens the instance's provider credentials; they go only into the request to the provider
 * @param configuration the instance's effective configuration, secrets included
 * @param page the page wanted, for list resources; null otherwise
 * @param removeNulls whether the answer must leave out object members whose value is JSON
 *     {@code null}, at any depth (the instance's {@code filter.response.nulls}, {@code true} unless
 *     the instance says otherwise); array elements keep their places. The hub client in
 *     {@code spi.hub} does the removing for plugins built on it
 * @param contentType the body's {@code Content-Type} as the application sent it, parameters
 *     included; null when none was sent. It matters only to resources that take uploads, whose
 *     multipart bodies go to the provider as they came
 */
public record HubCall(
        ResourceDefinition resource,
        Map<String, String> pathParameters,
        Map<String, List<String>> query,
        Condition where,
        byte[] body,
        TokenSet tokens,
        Configuration configuration,
        PageRequest page,
        boolean removeNulls,
        String contentType) {

    public HubCall {
        requireNonNull(resource, "resource");
        requireNonNull(tokens, "tokens");
        requireNonNull(configuration, "configuration");
        pathParameters = Map.copyOf(pathParameters);
        query = QueryParameters.copyOf(query);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The same call made with other credentials: a page's, for a call that acts as the page. */
    public HubCall withTokens(TokenSet replaced) {
        return new HubCall(resource, pathParameters, query, where, body, replaced, configuration, page, removeNulls,
                contentType);
    }

    /** The same call without the query parameter {@code name}: one the plugin has acted on itself. */
    public HubCall withoutQueryParameter(String name) {
        Map<String, List<String>> kept = new LinkedHashMap<>(query);
        kept.remove(name);
        return new HubCall(resource, pathParameters, kept, where, body, tokens, configuration, page, removeNulls,
                contentType);
    }

    @Override
    public String toString() {
        return "HubCall[" + resource.method() + " " + resource.path() + ", " + page + ", removeNulls=" + removeNulls
                + (where == null ? "" : ", where") + "]";
    }
}
