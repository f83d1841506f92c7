package dev.elements.core.port.out;

/**
 * Outbound HTTP to providers. Implementations pool connections, enforce the request's timeout and
 * translate transport failures into {@link dev.elements.core.oauth.ProviderException}s of class
 * {@code TRANSIENT} (unreachable, reset) or {@code TIMEOUT}. They never put a request's URL or
 * body into an exception message or a log line, because both may carry tokens.
 */
public interface ProviderHttp {
    ProviderHttpResponse send(ProviderHttpRequest request);
}
