package dev.elements.facebook.fake;

import java.time.Instant;

/**
 * A video a user uploaded, listed by {@code GET /{user}/videos}.
 *
 * @param id the video id
 * @param ownerId who uploaded it
 * @param title the title
 * @param createdTime when it was uploaded, on the fake's clock
 */
public record FakeVideo(String id, String ownerId, String title, Instant createdTime) {
}
