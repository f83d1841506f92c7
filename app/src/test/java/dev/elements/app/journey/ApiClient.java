package dev.elements.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A Cloud Elements client as an application would write it: JSON over HTTP with the Authorization header. */
public final class ApiClient {
    public static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    static final ObjectMapper JSON = JSON_MAPPER;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    public ApiClient(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port + "/elements/api-v2";
        this.authorization = authorization;
    }

    public static String platformAuthorization(String userSecret, String organizationSecret) {
        return "User " + userSecret + ", Organization " + organizationSecret;
    }

    public ApiClient as(String otherAuthorization) {
        return new ApiClient(port(), otherAuthorization);
    }

    private int port() {
        return URI.create(base).getPort();
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, String jsonBody) {
        return post(path, jsonBody, java.util.Map.of());
    }

    public Answer post(String path, String jsonBody, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Answer send(String method, String path, String jsonBody) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, jsonBody == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Answer post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed when it is JSON. */
    public record Answer(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status() + "): " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }
}
