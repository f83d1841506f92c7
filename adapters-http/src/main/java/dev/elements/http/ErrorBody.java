package dev.elements.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The API.md error body; {@code providerMessage} only when a provider said something. */
record ErrorBody(String requestId, String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) String providerMessage) {
}
