package dev.elements.facebook.fake;

import java.time.Instant;

/**
 * A comment on a post, photo, video or another comment.
 *
 * @param id {@code {objectId}_{commentId}}, where objectId is the commented object's own part of its id
 * @param objectId the full id of the commented object
 * @param fromId who wrote it (a user or a page)
 * @param fromName the author's name
 * @param message the text
 * @param createdTime when it was written, on the fake's clock
 */
public record FakeComment(String id, String objectId, String fromId, String fromName, String message,
                          Instant createdTime) {
}
