package dev.elements.facebook.fake;

import java.time.Instant;

/**
 * A post on a user's or a page's feed.
 *
 * @param id {@code {ownerId}_{postId}}, Facebook's post id format
 * @param ownerId whose feed the post is on (a user or a page)
 * @param fromId who wrote it
 * @param fromName the author's name, shown as {@code from.name}
 * @param message the text, or {@code null} for a link-only post
 * @param link the shared link, or {@code null}
 * @param createdTime when it was posted, on the fake's clock
 */
public record FakePost(String id, String ownerId, String fromId, String fromName, String message, String link,
                       Instant createdTime) {
}
