package dev.elements.facebook;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ResourceDefinition;
import java.util.Map;

/**
 * What the plugin does for one hub resource: the resource as the platform shows and matches it,
 * the parameters the plugin always sends for it, and how Facebook's answer becomes the hub's.
 *
 * @param resource the hub resource and the Graph path and verb it maps to
 * @param fixedQuery parameters sent with every call of the resource; they win over the application's
 * @param answer how the answer is shaped
 */
record GraphOperation(ResourceDefinition resource, Map<String, String> fixedQuery, Answer answer) {

    GraphOperation {
        requireNonNull(resource, "resource");
        requireNonNull(answer, "answer");
        fixedQuery = Map.copyOf(fixedQuery);
        if (resource.paged() != (answer == Answer.LIST)) {
            throw new IllegalArgumentException("Only list answers page: " + resource.path());
        }
    }

    /** How Facebook's answer is shaped for the application. */
    enum Answer {
        /** One Graph object, returned as it is (without tokens). */
        OBJECT,
        /** A Graph connection: its {@code data} array, with the cursor of the next page. */
        LIST,
        /** {@code {"id": <whose token it is>, "status": "ok"}}: the token works. */
        PING,
        /** A page's {@code {id, name, access_token}}: the one answer that carries a token, by design. */
        PAGE_TOKEN
    }
}
