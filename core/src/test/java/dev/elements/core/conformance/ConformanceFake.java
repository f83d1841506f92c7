package dev.elements.core.conformance;

import java.util.Map;

/**
 * What the conformance kit needs of a plugin author's fake provider. Each test gets a fresh one
 * and closes it.
 */
public interface ConformanceFake extends AutoCloseable {

    /** The operator's overrides that point the element's endpoints at the fake. */
    Map<String, String> endpoints();

    /** An application registered at the fake: its id, secret and callback, as instance configuration. */
    Map<String, String> application();

    /**
     * A code the fake issued to a fresh user for the application, bound to its callback, as the
     * provider's callback would carry it after a login.
     *
     * @param codeChallenge the S256 challenge the authorization URL carried; null without PKCE
     */
    String issueCode(String codeChallenge);

    /** Makes the provider refuse every token it has issued, as when a user revokes the app. */
    void revokeAll();

    /** Makes the provider fail every call with a server error until {@link #recover()}. */
    void goDown();

    void recover();

    /**
     * A list resource of the element (method {@code GET}, a hub path without placeholders or with
     * {@code me}) whose answer for the user of {@link #issueCode} holds {@code items} items after
     * this call.
     */
    String seededList(int items);

    @Override
    void close();
}
