package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.Elements;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.testing.ScriptedElementProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our own bugs: a generic 500 with the request id for the client, the details in the log only. */
class UnexpectedFailuresTest {
    private final Elements elements = Elements.builder().inMemory().provider(new ScriptedElementProvider()).build();
    private final String organizationSecret = "o-" + System.nanoTime();
    private final String userSecret = "u-" + System.nanoTime();
    private HttpApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.stop();
        }
    }

    private HttpResponse<String> getElements(DescribeElementsUseCase failing) throws Exception {
        return get(failing, "/elements/api-v2/elements");
    }

    private HttpResponse<String> get(DescribeElementsUseCase failing, String path) throws Exception {
        elements.bootstrap().createFirstIfEmpty(organizationSecret, userSecret);
        ApiUseCases all = EmbeddedUseCases.of(elements);
        api = new HttpApi(new ApiUseCases(failing, all.authorizationUrls(), all.provisioning(), all.instances(),
                all.tenants(), all.credentialKeys(), all.authentication(), all.health(), all.hub()),
                HttpApiSettings.defaults());
        int port = api.start("127.0.0.1", 0);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "User " + userSecret + ", Organization " + organizationSecret)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static DescribeElementsUseCase throwing(RuntimeException exception) {
        return new DescribeElementsUseCase() {
            @Override
            public List<ElementDefinition> elements() {
                throw exception;
            }

            @Override
            public ElementDefinition element(String keyOrId) {
                throw exception;
            }
        };
    }

    @Test
    void anUnexpectedExceptionIsAGeneric500AndIsLoggedWithTheRequestId() throws Exception {
        HttpResponse<String> response;
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            response = getElements(throwing(new IllegalStateException("internal detail 42")));
            lines = capture.lines();
        }

        String requestId = response.headers().firstValue("Elements-Request-Id").orElseThrow();
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("internal detail").doesNotContain("IllegalStateException")
                .contains(requestId).contains(ErrorResponses.GENERIC_MESSAGE);
        assertThat(lines).anyMatch(line -> line.contains(requestId) && line.contains("internal detail 42"));
    }

    @Test
    void aJavaLangErrorIsA500WithTheErrorBodyToo() throws Exception {
        DescribeElementsUseCase failing = new DescribeElementsUseCase() {
            @Override
            public List<ElementDefinition> elements() {
                throw new AssertionError("broken invariant");
            }

            @Override
            public ElementDefinition element(String keyOrId) {
                throw new AssertionError("broken invariant");
            }
        };

        HttpResponse<String> response = getElements(failing);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("requestId").doesNotContain("broken invariant");
    }

    /** The before-handler that resolves the caller and the instance fails like a handler: one mapper. */
    @Test
    void failuresBeforeTheHandlerGetTheSameErrorBody() throws Exception {
        // /elements/{keyOrId}/instances/{id} looks its element up before the handler runs.
        String path = "/elements/api-v2/elements/scripted/instances/1";
        HttpResponse<String> exception;
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            exception = get(throwing(new IllegalStateException("internal detail 43")), path);
            lines = capture.lines();
        }
        stop();
        HttpResponse<String> error = get(new DescribeElementsUseCase() {
            @Override
            public List<ElementDefinition> elements() {
                throw new AssertionError("broken invariant");
            }

            @Override
            public ElementDefinition element(String keyOrId) {
                throw new AssertionError("broken invariant");
            }
        }, path);

        String requestId = exception.headers().firstValue("Elements-Request-Id").orElseThrow();
        assertThat(exception.statusCode()).isEqualTo(500);
        assertThat(exception.body()).doesNotContain("internal detail").contains(requestId)
                .contains(ErrorResponses.GENERIC_MESSAGE);
        assertThat(lines).anyMatch(line -> line.contains(requestId) && line.contains("internal detail 43"));
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.body()).contains("requestId").contains(ErrorResponses.GENERIC_MESSAGE)
                .doesNotContain("broken invariant");
    }
}
