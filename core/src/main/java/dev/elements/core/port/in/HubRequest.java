package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.hub.QueryParameters;
import dev.elements.core.query.Condition;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /hubs/{hub}/{path}}: the hub segment is not used; the element token decides the instance.
 *
 * @param credentials the Authorization header: an Element token, and User and Organization when sent
 * @param method the verb
 * @param path the resource path below the hub, such as {@code user/me/friends}
 * @param query every query parameter, including the platform's {@code page}, {@code pageSize} and
 *     {@code nextPage}, but not {@code where}
 * @param where the {@code where} parameter, parsed (Cloud Elements' CEQL), or null when none was sent
 * @param body the request body, or empty
 * @param contentType the body's {@code Content-Type} as sent, parameters included (a multipart
 *     body's {@code boundary}); null when none was sent
 */
public record HubRequest(PresentedCredentials credentials, String method, String path,
        Map<String, List<String>> query, Condition where, byte[] body, String contentType) {

    public HubRequest {
        requireNonNull(credentials, "credentials");
        method = requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        requireNonNull(path, "path");
        query = QueryParameters.copyOf(query);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "HubRequest[" + method + " " + path + "]";
    }
}
