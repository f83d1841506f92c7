package dev.elements.core.net;

import static java.util.Objects.requireNonNull;

import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default outbound HTTP: one pooled JDK client for the whole process. Failures are reported
 * without the URL, since provider URLs may carry tokens.
 */
public final class JdkProviderHttp implements ProviderHttp {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

    private final HttpClient client;

    public JdkProviderHttp(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public JdkProviderHttp() {
        this(Duration.ofSeconds(5));
    }

    @Override
    public ProviderHttpResponse send(ProviderHttpRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        byte[] body = request.body();
        builder.method(request.method(), body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ProviderHttpResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpConnectTimeoutException e) {
            throw failure(ProviderErrorClass.TRANSIENT, "could not connect to the provider in time", request);
        } catch (HttpTimeoutException e) {
            throw failure(ProviderErrorClass.TIMEOUT, "the provider did not answer in time", request);
        } catch (IOException e) {
            throw failure(ProviderErrorClass.TRANSIENT, "the provider could not be reached or closed the connection",
                    request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ProviderErrorClass.TRANSIENT, "the call to the provider was interrupted", request);
        }
    }

    private static ProviderException failure(ProviderErrorClass errorClass, String what, ProviderHttpRequest request) {
        // request.toString() names the host and path only, never the query.
        return new ProviderException(ProviderError.silent(errorClass), what + " (" + request + ")", null);
    }
}
