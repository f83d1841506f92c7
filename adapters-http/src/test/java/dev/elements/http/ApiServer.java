package dev.elements.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elements.core.Elements;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import dev.elements.core.testing.ScriptedElementProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** A real server on a random loopback port, over in-memory core with the scripted element, and a client. */
final class ApiServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecretGenerator SECRETS = new SecretGenerator();

    final ScriptedElementProvider provider = new ScriptedElementProvider();
    final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    final String organizationSecret = "org-" + SECRETS.newSecret();
    final String userSecret = "user-" + SECRETS.newSecret();
    final Elements elements;
    final HttpApi api;
    final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiServer(Consumer<Elements.Builder> customization, HttpApiSettings settings) {
        Elements.Builder builder = Elements.builder().inMemory().tenants(tenants).provider(provider);
        customization.accept(builder);
        this.elements = builder.build();
        elements.bootstrap().createFirstIfEmpty(organizationSecret, userSecret);
        this.api = HttpApi.of(elements, settings);
        this.port = api.start("127.0.0.1", 0);
    }

    static ApiServer start() {
        return new ApiServer(builder -> { }, HttpApiSettings.defaults());
    }

    static ApiServer start(Consumer<Elements.Builder> customization) {
        return new ApiServer(customization, HttpApiSettings.defaults());
    }

    /** The Authorization header of the bootstrap organization's administrator. */
    String auth() {
        return "User " + userSecret + ", Organization " + organizationSecret;
    }

    /** A second organization with its own administrator; returns that administrator's Authorization header. */
    String otherOrganization() {
        String organization = SECRETS.newSecret();
        String user = SECRETS.newSecret();
        tenants.createOrganization("Other", SecretDigest.of(organization),
                new NewUser("other@example.com", "Other", "Admin", Role.ORG_ADMIN, SecretDigest.of(user)));
        return "User " + user + ", Organization " + organization;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Response get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    Response postJson(String path, String authorization, String body) {
        return post(path, authorization, "application/json", body);
    }

    Response post(String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Jetty writes the parameter without the space ({@code application/json;charset=utf-8}); both are the same type. */
    static void assertJsonContentType(Response response) {
        org.assertj.core.api.Assertions.assertThat(response.header("Content-Type"))
                .isNotNull()
                .satisfies(type -> org.assertj.core.api.Assertions.assertThat(type.replace(" ", "").toLowerCase())
                        .isEqualTo("application/json;charset=utf-8"));
    }

    @Override
    public void close() {
        api.stop();
    }

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String requestId() {
            return header("Elements-Request-Id");
        }

        String message() {
            return json().path("message").asText();
        }
    }
}
