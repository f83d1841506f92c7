package dev.elements.facebook;

import static dev.elements.facebook.HubFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.hub.HubResult;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code filter.response.nulls}: the platform leaves null filtering to the plugin, which has the
 * answer parsed. Null members go at every depth unless the instance keeps them; array elements
 * keep their places; everything else is passed on as Facebook wrote it.
 */
class FacebookHubNullsTest {
    private static final String OBJECT = "{\"id\":\"1\",\"gone\":null,\"about\":\"null, \\\"quoted\\\" \\u00e9\","
            + "\"nested\":{\"a\":null,\"b\":[1,null,{\"c\":null}],\"n\":-1.5E+3,\"t\":true,\"f\":false},"
            + "\"only_nulls\":{\"x\":null},\"last\":null}";
    private static final String LIST = "{\"data\":[{\"id\":\"1\",\"message\":null,\"from\":{\"id\":\"2\","
            + "\"name\":null}},{\"id\":\"3\",\"story\":\"null\"}],\"paging\":{\"cursors\":{\"before\":\"b\","
            + "\"after\":null}}}";

    private final HubFixture fixture = new HubFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HubFixture.Call answering(HubFixture.Call call, String body) {
        return call.http(request -> new ProviderHttpResponse(200, Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nullMembersAreRemovedAtEveryDepthByDefaultAndArraysKeepTheirPlaces() {
        HubResult result = answering(fixture.get("user/me"), OBJECT).send();

        assertThat(json(result)).isEqualTo(json(("{\"id\":\"1\",\"about\":\"null, \\\"quoted\\\" \\u00e9\","
                + "\"nested\":{\"b\":[1,null,{}],\"n\":-1.5E+3,\"t\":true,\"f\":false},\"only_nulls\":{}}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theItemsOfAListLoseTheirNullMembersToo() {
        HubResult result = answering(fixture.get("user/me/status"), LIST).page(25, null).send();

        assertThat(json(result)).isEqualTo(json("[{\"id\":\"1\",\"from\":{\"id\":\"2\"}},{\"id\":\"3\",\"story\":\"null\"}]"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(result.itemCount()).isEqualTo(2);
    }

    @Test
    void anInstanceThatKeepsNullsGetsThemAsFacebookSentThem() {
        HubResult object = answering(fixture.get("user/me"), OBJECT).keepNulls().send();
        HubResult list = answering(fixture.get("user/me/status"), LIST).page(25, null).keepNulls().send();

        assertThat(json(object)).isEqualTo(json(OBJECT.getBytes(StandardCharsets.UTF_8)));
        assertThat(json(list)).isEqualTo(json(("[{\"id\":\"1\",\"message\":null,\"from\":{\"id\":\"2\","
                + "\"name\":null}},{\"id\":\"3\",\"story\":\"null\"}]").getBytes(StandardCharsets.UTF_8)));
    }
}
