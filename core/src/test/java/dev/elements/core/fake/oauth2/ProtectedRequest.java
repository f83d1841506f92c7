package dev.elements.core.fake.oauth2;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A request to a protected resource whose bearer token the provider has accepted.
 *
 * @param request what was received
 * @param user the token's resource owner
 * @param scopes the scopes granted to the token
 * @param pathValues the values of the route's {@code {name}} placeholders, decoded
 */
public record ProtectedRequest(FakeRequest request, FakeOAuth2User user, Set<String> scopes,
                               Map<String, String> pathValues) {

    public ProtectedRequest {
        scopes = Set.copyOf(scopes);
        pathValues = Map.copyOf(pathValues);
    }

    public String pathValue(String name) {
        String value = pathValues.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route has no placeholder {" + name + "}");
        }
        return value;
    }

    public boolean hasScopes(String... wanted) {
        return scopes.containsAll(Arrays.asList(wanted));
    }
}
