package dev.elements.core.spi.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.ElementContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a successful answer to a write (a delete, a like) says, and what it does not. */
class HubClientWriteAnswersTest {
    private static final ResourceDefinition DELETE = new ResourceDefinition("posts/{id}", "DELETE", "/posts/{id}",
            "DELETE", "Deletes a post", false);

    private static HubCall call() {
        return new HubCall(DELETE, Map.of("id", "1"), Map.of(), null, null, new TokenSet("token", null, null, List.of(),
                null), Configuration.of(Map.of("base.url", "https://api.example")), null, true, null);
    }

    private static ElementContext answering(String body) {
        return ElementContext.of(request -> new ProviderHttpResponse(200, Map.of(),
                body.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC(), Duration.ofSeconds(1));
    }

    private final HubClient client = new HubClient(HubProfile.rest(Paging.offset("offset", "limit"), ""));

    @ParameterizedTest
    @ValueSource(strings = {"", " \n", "true"})
    void noContentOrABareTrueIsASuccess(String body) {
        HubResult result = client.call(call(), answering(body));

        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("{\"success\":true}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Bad gateway</html>", "false", "[]", "{\"id\":"})
    void aBodyThatIsNeitherIsAnOutageNotASuccess(String body) {
        ProviderException refused = catchThrowableOfType(() -> client.call(call(), answering(body)),
                ProviderException.class);

        assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.TRANSIENT);
        assertThat(refused.error().providerMessage()).isNull();
    }
}
