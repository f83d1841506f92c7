package dev.elements.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Navigating and reading a tree never throws; building one keeps order and refuses change. */
class JsonValueTest {
    private static final JsonValue ANSWER = Json.parse(
            "{\"data\":[{\"id\":\"7\"},{\"id\":\"8\"}],\"a/b\":{\"m~n\":1,\"~1\":\"tilde one\"},"
                    + "\"\":{\"\":2},\"0\":\"zero\",\"count\":3}");

    @Test
    void pathAnswersMissingWhereThereIsNothing() {
        assertThat(ANSWER.path("nope")).isSameAs(JsonMissing.INSTANCE);
        assertThat(ANSWER.path("count").path("x")).isSameAs(JsonMissing.INSTANCE);
        assertThat(ANSWER.path("nope").path("deeper").path(3).isMissing()).isTrue();
        assertThat(ANSWER.path(0)).isSameAs(JsonMissing.INSTANCE);
        assertThat(ANSWER.path("data").path(2)).isSameAs(JsonMissing.INSTANCE);
        assertThat(ANSWER.path("data").path(-1)).isSameAs(JsonMissing.INSTANCE);
        assertThat(ANSWER.path((String) null)).isSameAs(JsonMissing.INSTANCE);
        assertThat(ANSWER.path("data").path(1).path("id").text()).isEqualTo("8");
        assertThat(ANSWER.path("nope").textOr("fallback")).isEqualTo("fallback");
    }

    @Test
    void atFollowsJsonPointers() {
        assertThat(ANSWER.at("")).isSameAs(ANSWER);
        assertThat(ANSWER.at("/data/1/id").text()).isEqualTo("8");
        assertThat(ANSWER.at("/data/0")).isEqualTo(Json.parse("{\"id\":\"7\"}"));
        assertThat(ANSWER.at("/a~1b/m~0n").longOr(0)).isEqualTo(1);
        assertThat(ANSWER.at("/a~1b/~01").text()).isEqualTo("tilde one");
        assertThat(ANSWER.at("//").longOr(0)).isEqualTo(2);
        assertThat(ANSWER.at("/0").text()).isEqualTo("zero");
    }

    @Test
    void atAnswersMissingForWhatIsNotThereOrCannotBeNamed() {
        for (String pointer : List.of("/data/2", "/data/01", "/data/-", "/data/x", "/data/+1", "/data/0/id/x",
                "/a~1b/m~2n", "/a~1b/m~", "/a/b", "data", "/nope/0")) {
            assertThat(ANSWER.at(pointer).isMissing()).as(pointer).isTrue();
        }
        assertThat(ANSWER.at(null).isMissing()).isTrue();
        assertThat(JsonMissing.INSTANCE.at("").isMissing()).isTrue();
    }

    @Test
    void textReadsStringsNumbersAndBooleans() {
        assertThat(new JsonString("x").text()).isEqualTo("x");
        assertThat(new JsonNumber("1.50").text()).isEqualTo("1.50");
        assertThat(JsonBoolean.FALSE.text()).isEqualTo("false");
        assertThat(JsonNull.INSTANCE.text()).isNull();
        assertThat(ANSWER.text()).isNull();
        assertThat(ANSWER.path("data").textOr("no")).isEqualTo("no");
        assertThat(JsonNull.INSTANCE.textOr("no")).isEqualTo("no");
    }

    @Test
    void textIfAnyIsANonBlankStringOrANumber() {
        assertThat(new JsonString("x").textIfAny()).contains("x");
        assertThat(new JsonString(" \t").textIfAny()).isEmpty();
        assertThat(new JsonString("").textIfAny()).isEmpty();
        assertThat(new JsonNumber("5").textIfAny()).contains("5");
        assertThat(JsonBoolean.TRUE.textIfAny()).isEmpty();
        assertThat(JsonNull.INSTANCE.textIfAny()).isEmpty();
        assertThat(JsonMissing.INSTANCE.textIfAny()).isEqualTo(Optional.empty());
    }

    @Test
    void longOrReadsNumbersAndStringsHoldingALong() {
        assertThat(new JsonNumber("42").longOr(-1)).isEqualTo(42);
        assertThat(new JsonNumber("1.0").longOr(-1)).isEqualTo(1);
        assertThat(new JsonNumber("1e3").longOr(-1)).isEqualTo(1000);
        assertThat(new JsonString("1234567890123").longOr(-1)).isEqualTo(1_234_567_890_123L);
        assertThat(new JsonString("-5").longOr(-1)).isEqualTo(-5);

        assertThat(new JsonNumber("1.5").longOr(-1)).isEqualTo(-1);
        assertThat(new JsonNumber("9223372036854775808").longOr(-1)).isEqualTo(-1);
        assertThat(new JsonString("12a").longOr(-1)).isEqualTo(-1);
        assertThat(new JsonString("1.0").longOr(-1)).isEqualTo(-1);
        assertThat(new JsonString("").longOr(-1)).isEqualTo(-1);
        assertThat(new JsonString("99999999999999999999").longOr(-1)).isEqualTo(-1);
        assertThat(JsonBoolean.TRUE.longOr(-1)).isEqualTo(-1);
        assertThat(JsonNull.INSTANCE.longOr(-1)).isEqualTo(-1);
        assertThat(ANSWER.path("nope").longOr(-1)).isEqualTo(-1);
    }

    @Test
    void intOrReadsWhatFitsInAnInt() {
        assertThat(new JsonNumber("2147483647").intOr(-1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(new JsonString("-2147483648").intOr(-1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(new JsonNumber("2147483648").intOr(-1)).isEqualTo(-1);
        assertThat(new JsonNumber("-2147483649").intOr(-1)).isEqualTo(-1);
        assertThat(new JsonString("seven").intOr(-1)).isEqualTo(-1);
    }

    @Test
    void booleanOrReadsBooleansOnly() {
        assertThat(JsonBoolean.TRUE.booleanOr(false)).isTrue();
        assertThat(JsonBoolean.FALSE.booleanOr(true)).isFalse();
        assertThat(new JsonString("true").booleanOr(false)).isFalse();
        assertThat(JsonMissing.INSTANCE.booleanOr(true)).isTrue();
    }

    @Test
    void typeTests() {
        assertThat(ANSWER.isObject()).isTrue();
        assertThat(ANSWER.path("data").isArray()).isTrue();
        assertThat(new JsonString("x").isText()).isTrue();
        assertThat(new JsonNumber("1").isNumber()).isTrue();
        assertThat(JsonBoolean.TRUE.isBoolean()).isTrue();
        assertThat(JsonNull.INSTANCE.isNull()).isTrue();
        assertThat(JsonMissing.INSTANCE.isMissing()).isTrue();
        assertThat(List.of(new JsonString("x"), new JsonNumber("1"), JsonBoolean.FALSE)).allMatch(JsonValue::isValue);
        assertThat(List.of(ANSWER, ANSWER.path("data"), JsonNull.INSTANCE, JsonMissing.INSTANCE))
                .noneMatch(JsonValue::isValue);
        assertThat(JsonNull.INSTANCE.isMissing()).isFalse();
        assertThat(JsonMissing.INSTANCE.isNull()).isFalse();
    }

    @Test
    void withoutNullMembersRemovesNullMembersAtAnyDepthAndKeepsArrayItems() {
        JsonValue value = Json.parse("{\"a\":null,\"b\":{\"c\":null,\"d\":1},\"e\":[null,{\"f\":null,\"g\":[null]}],\"h\":\"x\"}");

        assertThat(value.withoutNullMembers().toJson()).isEqualTo("{\"b\":{\"d\":1},\"e\":[null,{\"g\":[null]}],\"h\":\"x\"}");
        assertThat(JsonNull.INSTANCE.withoutNullMembers()).isSameAs(JsonNull.INSTANCE);
        assertThat(Json.parse("[null]").withoutNullMembers().toJson()).isEqualTo("[null]");
    }

    @Test
    void theBuilderKeepsOrderAndWritesANullStringAsNull() {
        JsonObject object = JsonObject.builder()
                .put("s", "x")
                .put("n", 42L)
                .put("i", 7)
                .put("b", true)
                .put("z", (String) null)
                .put("v", (JsonValue) null)
                .put("o", JsonObject.builder().build())
                .put("a", JsonArray.of(List.of(JsonBoolean.FALSE, JsonNull.INSTANCE)))
                .build();

        assertThat(object.toJson()).isEqualTo("{\"s\":\"x\",\"n\":42,\"i\":7,\"b\":true,\"z\":null,\"v\":null,\"o\":{},"
                + "\"a\":[false,null]}");
        assertThat(object.names()).containsExactly("s", "n", "i", "b", "z", "v", "o", "a");
        assertThat(object.size()).isEqualTo(8);
    }

    @Test
    void objectsAndArraysAreCopiedAndUnmodifiable() {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("b", new JsonNumber("1"));
        members.put("a", new JsonNumber("2"));
        JsonObject object = JsonObject.of(members);
        members.put("c", new JsonNumber("3"));

        assertThat(object.toJson()).isEqualTo("{\"b\":1,\"a\":2}");
        assertThatThrownBy(() -> object.members().put("c", JsonNull.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
        JsonObject parsed = (JsonObject) Json.parse("{\"a\":1}");
        assertThatThrownBy(() -> parsed.members().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        JsonArray array = (JsonArray) Json.parse("[1]");
        assertThatThrownBy(() -> array.items().add(JsonNull.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(array.size()).isEqualTo(1);

        Map<String, JsonValue> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> JsonObject.of(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withoutDropsTheNamedMembersOnly() {
        JsonObject object = (JsonObject) Json.parse("{\"a\":1,\"b\":2,\"c\":3}");

        assertThat(object.without(Set.of("a", "c", "absent")).toJson()).isEqualTo("{\"b\":2}");
        assertThat(object.toJson()).isEqualTo("{\"a\":1,\"b\":2,\"c\":3}");
    }

    @Test
    void equalTreesAreEqualWhateverTheMemberOrder() {
        assertThat(Json.parse("{\"a\":[1,\"x\"],\"b\":null}")).isEqualTo(Json.parse("{\"b\":null,\"a\":[1,\"x\"]}"));
        assertThat(Json.parse("1.0")).isNotEqualTo(Json.parse("1"));
    }
}
