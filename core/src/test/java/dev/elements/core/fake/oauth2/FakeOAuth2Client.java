package dev.elements.core.fake.oauth2;

import java.util.List;
import java.util.Objects;

/**
 * A registered client.
 *
 * @param id the {@code client_id}
 * @param secret the {@code client_secret}, or {@code null} for a public client (which must use PKCE)
 * @param redirectUris the registered redirect URIs, matched exactly
 */
public record FakeOAuth2Client(String id, String secret, List<String> redirectUris) {

    public FakeOAuth2Client {
        Objects.requireNonNull(id, "id");
        redirectUris = List.copyOf(redirectUris);
    }

    public boolean isPublic() {
        return secret == null;
    }
}
