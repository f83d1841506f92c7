package dev.elements.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.elements.core.port.in.ConnectSessionState;

/**
 * A connect session as {@code GET /connect/sessions/{id}} shows it: its status, why it failed, and
 * the instance it made, with the element token in the first answer after connecting only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConnectSessionView(String id, String status, String error, String errorDescription, String expiresAt,
        InstanceView instance) {

    static ConnectSessionView of(ConnectSessionState session) {
        return new ConnectSessionView(session.id(), session.status().name(),
                session.failure() == null ? null : session.failure().code(),
                session.failure() == null ? null : session.failure().description(), session.expiresAt().toString(),
                session.instance() == null ? null : InstanceView.of(session.instance()));
    }

    /** The answer of {@code POST /connect/sessions}: the id, the page to send the user to, and its end. */
    record Created(String id, String url, String expiresAt) {
    }
}
