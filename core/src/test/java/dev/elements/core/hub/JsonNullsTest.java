package dev.elements.core.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonNullsTest {
    private static String strip(String json) {
        return new String(JsonNulls.strip(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void removesNullMembersAtEveryDepthAndKeepsArrayPlaces() {
        String json = "{ \"id\" : \"1\", \"gone\": null, \"nested\": {\"a\": null, \"b\": [1, null, {\"c\": null}]},"
                + " \"last\": null }";

        assertThat(strip(json)).isEqualTo("{\"id\":\"1\",\"nested\":{\"b\":[1,null,{}]}}");
    }

    @Test
    void keepsStringsAndNumbersExactlyAsWritten() {
        String json = "[{\"text\":\"null, \\\"quoted\\\" \\u00e9\",\"n\":-1.50e+3,\"t\":true,\"f\":false,\"nullish\":\"null\"}]";

        assertThat(strip(json)).isEqualTo(json);
    }

    @Test
    void anObjectOfOnlyNullsBecomesEmpty() {
        assertThat(strip("{\"a\":null,\"b\":null}")).isEqualTo("{}");
        assertThat(strip("{}")).isEqualTo("{}");
        assertThat(strip("[]")).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"<html>nope</html>", "{\"a\":1", "{\"a\":nullx}", "[1,]", "{\"a\":1} trailing",
            "nulll"})
    void returnsWhatIsNotJsonUntouched(String notJson) {
        assertThat(strip(notJson)).isEqualTo(notJson);
    }
}
