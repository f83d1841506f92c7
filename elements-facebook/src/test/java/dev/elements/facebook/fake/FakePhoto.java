package dev.elements.facebook.fake;

import java.time.Instant;

/**
 * A photo a user uploaded, listed by {@code GET /{user}/photos?type=uploaded}.
 *
 * @param id the photo id
 * @param ownerId who uploaded it
 * @param caption the caption, shown as {@code name}, or {@code null}
 * @param createdTime when it was uploaded, on the fake's clock
 */
public record FakePhoto(String id, String ownerId, String caption, Instant createdTime) {
}
