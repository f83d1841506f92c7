package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class BodyBindingTest {
    private final JsonCodec json = new JsonCodec();
    private final BodyBinding binding = new BodyBinding(json.mapper());

    private ObjectNode body(String text) {
        return (ObjectNode) json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void bindsTheFieldsAndIgnoresUnknownOnes() {
        ProvisionRequest request = binding.bind(body("{\"element\": {\"id\": 48}, \"providerData\": {\"code\": \"c\"},"
                + " \"configuration\": {\"a\": \"x\", \"b\": 5, \"c\": true, \"d\": null}, \"tags\": [\"t\"],"
                + " \"name\": \"n\", \"id\": 7, \"createdDate\": \"2020\"}"), ProvisionRequest.class);

        assertThat(request.element()).isEqualTo(new ElementReference(null, BigInteger.valueOf(48)));
        assertThat(request.elementReference()).isEqualTo("48");
        assertThat(request.providerData().code()).isEqualTo("c");
        assertThat(request.configuration()).containsEntry("a", "x").containsEntry("b", "5").containsEntry("c", "true")
                .containsEntry("d", null);
        assertThat(request.tags()).containsExactly("t");
        assertThat(request.name()).isEqualTo("n");
    }

    /** Cloud Elements' polling examples send {@code event.poller.configuration} as an object. */
    @Test
    void configurationObjectsAndArraysBindAsTheirCompactJson() {
        ProvisionRequest request = binding.bind(body("{\"configuration\": {\"event.poller.configuration\":"
                + " {\"posts\": {\"url\": \"/hubs/social/posts?where=x='y'\", \"idField\": \"id\"}},"
                + " \"list\": [1, \"two\", {\"three\": 3}]}}"), ProvisionRequest.class);

        assertThat(request.configuration())
                .containsEntry("event.poller.configuration",
                        "{\"posts\":{\"url\":\"/hubs/social/posts?where=x='y'\",\"idField\":\"id\"}}")
                .containsEntry("list", "[1,\"two\",{\"three\":3}]");
    }

    @Test
    void everyWrongTypeIsNamedByItsPathInOneRefusalWithoutItsValue() {
        assertThatThrownBy(() -> binding.bind(body("{\"element\": {\"key\": 5, \"id\": 1.5},"
                + " \"providerData\": {\"code\": [\"secret-code\"]},"
                + " \"externalAuthentication\": {\"x\": \"secret-value\"}, \"tags\": [\"a\", 17],"
                + " \"name\": true}"), ProvisionRequest.class))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).contains("element.key must be a string", "element.id must be a number",
                            "providerData.code must be a string", "externalAuthentication must be a string",
                            "tags[1] must be a string", "name must be a string")
                            .doesNotContain("secret", "17", "1.5", "true");
                });
    }

    @Test
    void containersOfTheWrongShapeAreNamed() {
        assertThatThrownBy(() -> binding.bind(body("{\"element\": \"x\", \"providerData\": 5, \"configuration\": [],"
                + " \"tags\": \"t\"}"), ProvisionRequest.class))
                .hasMessageContainingAll("element must be an object", "providerData must be an object",
                        "configuration must be an object", "tags must be an array of strings");
    }

    @Test
    void scalarsAreNotCoerced() {
        assertThatThrownBy(() -> binding.bind(body("{\"active\": \"true\", \"firstName\": 1}"),
                TenantRequests.UserChanges.class))
                .hasMessageContainingAll("active must be a boolean", "firstName must be a string");
        assertThatThrownBy(() -> binding.bind(body("{\"active\": 1}"), TenantRequests.UserChanges.class))
                .hasMessageContaining("active must be a boolean");
    }

    @Test
    void theApiSecretOfTheLoginUrlBodyIsTypeCheckedAndDropped() {
        AuthorizationUrlRequest request = binding.bind(body("{\"apiKey\": \"k\", \"apiSecret\": \"s\","
                + " \"callbackUrl\": \"https://app.example/cb\"}"), AuthorizationUrlRequest.class);

        assertThat(request).isEqualTo(new AuthorizationUrlRequest("k", "https://app.example/cb", null, null));
        assertThatThrownBy(() -> binding.bind(body("{\"apiSecret\": 5}"), AuthorizationUrlRequest.class))
                .hasMessageContaining("apiSecret must be a string");
    }
}
