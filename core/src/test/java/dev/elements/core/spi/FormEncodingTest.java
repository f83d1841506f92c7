package dev.elements.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormEncodingTest {
    @Test
    void roundTripsReservedCharactersAndUnicode() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("redirect_uri", "https://app.example/cb?a=1&b=2");
        parameters.put("scope", "email,public_profile");
        parameters.put("state", "x y+z/ü");
        parameters.put("skipped", null);

        String encoded = FormEncoding.encode(parameters);

        assertThat(encoded).doesNotContain(" ").doesNotContain("skipped").contains("%2C");
        parameters.remove("skipped");
        assertThat(FormEncoding.decode(encoded)).isEqualTo(parameters);
    }

    @Test
    void appendsToAnExistingQuery() {
        assertThat(FormEncoding.withQuery("https://x.example/a?v=1", Map.of("b", "2")).toString())
                .isEqualTo("https://x.example/a?v=1&b=2");
        assertThat(FormEncoding.withQuery("https://x.example/a", Map.of()).toString()).isEqualTo("https://x.example/a");
    }
}
