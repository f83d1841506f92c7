package dev.elements.http;

import dev.elements.core.instance.InstanceId;
import io.javalin.http.Context;

/**
 * How a route finds the instance it acts on: from the {@code {id}} of its path, or from the
 * {@code Element} token of the Authorization header (Cloud Elements' token-scoped forms).
 */
@FunctionalInterface
interface InstanceLocator {
    /** @throws dev.elements.core.error.PlatformException (404 or 401) when it names no instance of the caller's */
    InstanceId locate(Context ctx, Caller caller);
}
