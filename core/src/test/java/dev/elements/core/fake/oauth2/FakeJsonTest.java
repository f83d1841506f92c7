package dev.elements.core.fake.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.testing.TestResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeJsonTest {

    @Test
    void writesEscapedCompactObjectsThatJacksonReadsBack() throws Exception {
        String tricky = "quote \" backslash \\ newline \n tab \t bell \u0007 é 😀";
        String json = FakeJson.object().put("text", tricky).put("n", -5).put("ok", true).put("none", (String) null)
                .put("nested", FakeJson.object().put("a", "b"))
                .putObjects("items", List.of(FakeJson.object().put("id", "1")))
                .putStrings("names", List.of("x", "y\"")).toString();

        var tree = TestResponse.JSON.readTree(json);
        assertThat(tree.get("text").asText()).isEqualTo(tricky);
        assertThat(tree.get("n").asLong()).isEqualTo(-5);
        assertThat(tree.get("ok").asBoolean()).isTrue();
        assertThat(tree.get("none").isNull()).isTrue();
        assertThat(tree.at("/nested/a").asText()).isEqualTo("b");
        assertThat(tree.at("/items/0/id").asText()).isEqualTo("1");
        assertThat(tree.at("/names/1").asText()).isEqualTo("y\"");
    }

    @Test
    void readsObjectsWithEveryKindOfValue() {
        Map<String, Object> object = FakeJson.parseObject(
                " {\"text\":\"a\\\"b\\u00e9\\n\",\"n\":-1.5e2,\"t\":true,\"f\":false,\"z\":null,\"l\":[1,{}]} ");

        assertThat(object).containsEntry("text", "a\"bé\n").containsEntry("n", new BigDecimal("-1.5e2"))
                .containsEntry("t", true).containsEntry("f", false).containsEntry("z", null);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) object.get("l");
        assertThat(list).containsExactly(BigDecimal.ONE, Map.of());
    }

    @Test
    void refusesWhatIsNotExactlyOneObject() {
        for (String bad : List.of("", "[]", "{\"a\":1}x", "{\"a\":1,}", "{'a':1}", "{\"a\":01}", "{\"a\":tru}",
                "{\"a\":\"\u0001\"}", "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}")) {
            assertThatThrownBy(() -> FakeJson.parseObject(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
