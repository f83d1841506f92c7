package dev.elements.http;

import io.javalin.security.RouteRole;

/**
 * What a route needs to know before its handler runs, declared with the route (as its Javalin
 * role) and resolved once by {@link Callers} before the handler: who calls, and which instance
 * the route acts on. Every route declares exactly one.
 */
enum Access implements RouteRole {
    /**
     * Nothing is checked before the handler: the health check, the login URL (Cloud Elements
     * serves it to anyone, and it holds no secret) and hub calls (whose use case authenticates by
     * the Element token).
     */
    ANYONE,
    /** The operator only; the route answers 404 while the operator secret is unset. */
    OPERATOR,
    /** A user of an organization. */
    CALLER,
    /** A user, and the instance of the caller's the {@code {id}} of the path names. */
    INSTANCE_FROM_PATH,
    /**
     * A user, and the instance the Element token of the Authorization header names. The User
     * secret and the token suffice, as Cloud Elements' {@code User <secret>, Element <token>} did.
     */
    INSTANCE_FROM_TOKEN,
    /** As {@link #INSTANCE_FROM_TOKEN} when the header names an Element token, else as {@link #CALLER}. */
    CALLER_OR_INSTANCE_FROM_TOKEN,
    /** A user, and the instance {@code {id}} of the element {@code {keyOrId}}; one of another element is not there. */
    INSTANCE_OF_ELEMENT
}
