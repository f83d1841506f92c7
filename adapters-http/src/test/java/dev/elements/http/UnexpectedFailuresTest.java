package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.Elements;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.LogCapture;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
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

    private TestResponse getElements(DescribeElementsUseCase failing) {
        return get(failing, "/elements/api-v2/elements");
    }

    private TestResponse get(DescribeElementsUseCase failing, String path) {
        elements.bootstrap().createFirstIfEmpty(organizationSecret, userSecret);
        ApiUseCases all = EmbeddedUseCases.of(elements, new RecordingEvents());
        api = new HttpApi(new ApiUseCases(failing, all.authorizationUrls(), all.provisioning(), all.instances(),
                all.tenants(), all.credentialKeys(), all.authentication(), all.health(), all.hub(),
                all.receiveEvents(), all.events()),
                HttpApiSettings.defaults());
        int port = api.start("127.0.0.1", 0);
        return TestHttpClient.at("http://127.0.0.1:" + port)
                .withHeader("Authorization", "User " + userSecret + ", Organization " + organizationSecret)
                .get(path);
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

    /** Fails with a java.lang.Error, which is no exception. */
    private static DescribeElementsUseCase brokenInvariant() {
        return new DescribeElementsUseCase() {
            @Override
            public List<ElementDefinition> elements() {
                throw new AssertionError("broken invariant");
            }

            @Override
            public ElementDefinition element(String keyOrId) {
                throw new AssertionError("broken invariant");
            }
        };
    }

    @Test
    void anUnexpectedExceptionIsAGeneric500AndIsLoggedWithTheRequestId() {
        TestResponse response;
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            response = getElements(throwing(new IllegalStateException("internal detail 42")));
            lines = capture.lines();
        }

        String requestId = response.requestId();
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("internal detail").doesNotContain("IllegalStateException")
                .contains(requestId).contains(ErrorResponses.GENERIC_MESSAGE);
        assertThat(lines).anyMatch(line -> line.contains(requestId) && line.contains("internal detail 42"));
    }

    @Test
    void aJavaLangErrorIsA500WithTheErrorBodyToo() {
        TestResponse response = getElements(brokenInvariant());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).contains("requestId").doesNotContain("broken invariant");
    }

    /** The before-handler that resolves the caller and the instance fails like a handler: one mapper. */
    @Test
    void failuresBeforeTheHandlerGetTheSameErrorBody() {
        // /elements/{keyOrId}/instances/{id} looks its element up before the handler runs.
        String path = "/elements/api-v2/elements/scripted/instances/1";
        TestResponse exception;
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            exception = get(throwing(new IllegalStateException("internal detail 43")), path);
            lines = capture.lines();
        }
        stop();
        TestResponse error = get(brokenInvariant(), path);

        String requestId = exception.requestId();
        assertThat(exception.status()).isEqualTo(500);
        assertThat(exception.body()).doesNotContain("internal detail").contains(requestId)
                .contains(ErrorResponses.GENERIC_MESSAGE);
        assertThat(lines).anyMatch(line -> line.contains(requestId) && line.contains("internal detail 43"));
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.body()).contains("requestId").contains(ErrorResponses.GENERIC_MESSAGE)
                .doesNotContain("broken invariant");
    }
}
