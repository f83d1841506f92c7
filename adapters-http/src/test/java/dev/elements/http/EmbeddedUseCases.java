package dev.elements.http;

import dev.elements.core.Elements;

/**
 * The API's use cases taken from an embedded core, for tests. Production code gets them bound one
 * by one by the server's composition root; the adapter itself never sees {@link Elements}. The
 * events use cases are {@code events}, a recording double, so that the routes' tests control them.
 */
final class EmbeddedUseCases {
    private EmbeddedUseCases() {
    }

    static ApiUseCases of(Elements elements, RecordingEvents events) {
        return new ApiUseCases(elements.elements(), elements.authorizationUrls(), elements.provisioning(),
                elements.instances(), elements.tenants(), elements.credentialKeys(), elements.authentication(),
                elements.health(), elements.hub(), events, events);
    }
}
