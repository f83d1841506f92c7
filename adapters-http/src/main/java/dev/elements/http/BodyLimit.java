package dev.elements.http;

import io.javalin.security.RouteRole;

/**
 * A route that may receive a {@code multipart/form-data} upload up to the upload limit, declared
 * beside its {@link Access}; every other route's bodies have the body limit. Whether the resource a
 * hub path names takes uploads is the hub's to say once the caller is known: this only lets the
 * declared length of such a body past the first check.
 */
enum BodyLimit implements RouteRole {
    UPLOADS
}
