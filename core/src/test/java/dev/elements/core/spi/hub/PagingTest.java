package dev.elements.core.spi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.Json;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aListThatDoesNotPageAsksForNoPageReservesNothingAndEndsAtItsFirstAnswer() {
        Paging none = Paging.none();
        ProviderHttpResponse response = new ProviderHttpResponse(200,
                Map.of("Link", List.of("<https://api.example.com/items?page=2>; rel=\"next\"")), new byte[0]);

        assertThat(none.parameters(PageRequest.first(5))).isEmpty();
        assertThat(none.parameterNames()).isEmpty();
        assertThat(none.nextCursor(Json.parse("{\"next\":\"2\"}"), response, PageRequest.first(5), 5)).isNull();
    }

    @Test
    void aProfileWithoutPagingReservesOnlyTheTokenParameter() {
        HubProfile profile = HubProfile.rest(Paging.none(), "");

        assertThat(profile.reservedParameters()).containsExactly("access_token");
    }
}
