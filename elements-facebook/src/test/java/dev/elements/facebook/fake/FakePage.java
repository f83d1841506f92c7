package dev.elements.facebook.fake;

/**
 * A Facebook Page. Its admin reads it, with a page access token, from {@code GET /me/accounts}.
 *
 * @param id the page id
 * @param name the page name
 * @param category the page category, e.g. {@code Community}
 * @param ownerId the id of the user who administers the page, or {@code null} for a page nobody in the fake runs
 */
public record FakePage(String id, String name, String category, String ownerId) {
}
