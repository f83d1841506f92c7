package dev.elements.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and writing: what a text becomes, and what a tree is written as. */
class JsonTextTest {
    @Test
    void roundTripsCompactTextByteForByte() {
        String text = "{\"data\":[{\"id\":\"1\",\"n\":-0,\"x\":1.50,\"big\":123456789012345678901234567890,"
                + "\"e\":2E+3,\"ok\":true,\"no\":false,\"none\":null,\"empty\":{},\"list\":[]}],"
                + "\"paging\":{\"next\":\"https://graph.example/v1?after=a%2Fb\"}}";

        assertThat(Json.parse(text).toJson()).isEqualTo(text);
        assertThat(Json.parse(text.getBytes(StandardCharsets.UTF_8)).toJsonBytes())
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesCompactlyWhateverTheWhitespaceRead() {
        JsonValue value = Json.parse(" \r\n{ \"a\" :\t[ 1 , 2 ] ,\n\"b\" : { } }\n ");

        assertThat(value.toJson()).isEqualTo("{\"a\":[1,2],\"b\":{}}");
    }

    @Test
    void readsEveryKindOfValue() {
        JsonValue value = Json.parse("{\"s\":\"x\",\"n\":5,\"t\":true,\"f\":false,\"z\":null,\"a\":[1],\"o\":{}}");

        assertThat(value).isEqualTo(new JsonObject(Map.of(
                "s", new JsonString("x"), "n", new JsonNumber("5"), "t", JsonBoolean.TRUE, "f", JsonBoolean.FALSE,
                "z", JsonNull.INSTANCE, "a", new JsonArray(List.of(new JsonNumber("1"))), "o", new JsonObject(Map.of()))));
        assertThat(((JsonObject) value).names()).containsExactly("s", "n", "t", "f", "z", "a", "o");
    }

    @Test
    void theLastOfRepeatedMembersWinsInThePlaceOfTheFirst() {
        JsonValue value = Json.parse("{\"a\":1,\"b\":2,\"a\":3}");

        assertThat(value.path("a").longOr(0)).isEqualTo(3);
        assertThat(((JsonObject) value).size()).isEqualTo(2);
        assertThat(value.toJson()).isEqualTo("{\"a\":3,\"b\":2}");
    }

    @Test
    void keepsNumbersExactlyAsWritten() {
        String big = "123456789012345678901234567890";
        JsonNumber bigInteger = (JsonNumber) Json.parse(big);
        assertThat(bigInteger.raw()).isEqualTo(big);
        assertThat(bigInteger.decimal()).isEqualTo(new BigDecimal(big));
        assertThatThrownBy(bigInteger::longValue).isInstanceOf(ArithmeticException.class);

        JsonNumber decimal = (JsonNumber) Json.parse("0.10000000000000000000000001");
        assertThat(decimal.decimal()).isEqualTo(new BigDecimal("0.10000000000000000000000001"));
        assertThat(decimal.toJson()).isEqualTo("0.10000000000000000000000001");

        JsonNumber negativeZero = (JsonNumber) Json.parse("-0");
        assertThat(negativeZero.toJson()).isEqualTo("-0");
        assertThat(negativeZero.longValue()).isZero();

        assertThat(((JsonNumber) Json.parse("1E+2")).longValue()).isEqualTo(100);
        assertThat(((JsonNumber) Json.parse("1E+2")).raw()).isEqualTo("1E+2");
        assertThat(((JsonNumber) Json.parse("1.5e-3")).decimal()).isEqualTo(new BigDecimal("0.0015"));
        assertThat(((JsonNumber) Json.parse("-2.50")).decimal()).isEqualTo(new BigDecimal("-2.50"));
        assertThat(((JsonNumber) Json.parse("1e2147483647")).decimal()).isEqualTo(BigDecimal.ONE.scaleByPowerOfTen(2147483647));
        assertThat(((JsonNumber) Json.parse("1e0000000000002")).longValue()).isEqualTo(100);
    }

    @Test
    void readsLongsToTheirLimitsAndNoFurther() {
        assertThat(((JsonNumber) Json.parse("9223372036854775807")).longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(((JsonNumber) Json.parse("-9223372036854775808")).longValue()).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> ((JsonNumber) Json.parse("9223372036854775808")).longValue())
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new JsonNumber("1.5").longValue()).isInstanceOf(ArithmeticException.class);
        assertThat(new JsonNumber("2.000").longValue()).isEqualTo(2);
    }

    @Test
    void aNumberIsAlwaysAJsonNumberLiteral() {
        for (String notANumber : List.of("", "01", "-", "1.", ".1", "+1", " 1", "1 ", "abc", "1e", "0x10", "NaN", "1e9999999999")) {
            assertThatThrownBy(() -> new JsonNumber(notANumber))
                    .as(notANumber)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(JsonNumber.of(-42).raw()).isEqualTo("-42");
        assertThat(JsonNumber.of(new BigDecimal("1.10")).raw()).isEqualTo("1.10");
    }

    @Test
    void decodesEscapes() {
        JsonValue value = Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u0041\\u00e9\\u20AC\"");

        assertThat(value.text()).isEqualTo("q\" b\\ s/ \b\f\n\r\t Aé€");
    }

    @Test
    void joinsEscapedSurrogatePairsAndKeepsLoneSurrogates() {
        assertThat(Json.parse("\"\\uD83D\\uDE00\"").text()).isEqualTo("😀").hasSize(2);
        assertThat(Json.parse("\"\\uD83D\\uDE00\"").text().codePointAt(0)).isEqualTo(0x1F600);

        String lone = Json.parse("\"a\\ud800b\"").text();
        assertThat(lone).hasSize(3);
        assertThat(lone.charAt(1)).isEqualTo((char) 0xD800);
        // a lone surrogate has no UTF-8 form, so it is written back as the escape it was read from
        assertThat(new JsonString(lone).toJson()).isEqualTo("\"a\\ud800b\"");
    }

    @Test
    void decodesUtf8OfEveryLength() {
        byte[] bytes = {'"', 'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC,
            (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF, '"'};

        String text = Json.parse(bytes).text();

        assertThat(text.codePoints().toArray()).containsExactly('a', 0xE9, 0x20AC, 0x1F600, 0x10FFFF);
        assertThat(new JsonString(text).toJsonBytes()).isEqualTo(bytes);
    }

    @Test
    void nonAsciiMemberNamesAndValuesRoundTrip() {
        String text = "{\"ключ\":\"значение 😀\",\"a\\\"b\":\"x\\ny\"}";

        JsonValue value = Json.parse(text);

        assertThat(value.path("ключ").text()).isEqualTo("значение 😀");
        assertThat(value.path("a\"b").text()).isEqualTo("x\ny");
        assertThat(value.toJson()).isEqualTo(text);
    }

    @Test
    void escapesControlCharactersQuotesAndBackslashesWhenWriting() {
        JsonString text = new JsonString("\u0000\u0001\b\t\n\f\r\u001f\u007f\"\\/é");

        assertThat(text.toJson()).isEqualTo("\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\u007f\\\"\\\\/é\"");
        assertThat(Json.parse(text.toJson())).isEqualTo(text);
    }

    @Test
    void escapesMemberNamesToo() {
        JsonObject object = JsonObject.builder().put("a\"\n", 1).build();

        assertThat(object.toJson()).isEqualTo("{\"a\\\"\\n\":1}");
    }

    @Test
    void writesLongStringsThatNeedEscapingThroughout() {
        String tabs = "\t".repeat(10_000);

        assertThat(new JsonString(tabs).toJson()).isEqualTo("\"" + "\\t".repeat(10_000) + "\"");
    }

    @Test
    void aMissingValueRefusesToBeWritten() {
        assertThatThrownBy(JsonMissing.INSTANCE::toJson).isInstanceOf(IllegalStateException.class);
        JsonObject holdingMissing = JsonObject.builder().put("gone", Json.parse("{}").path("x")).build();
        assertThatThrownBy(holdingMissing::toJsonBytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parsesTextAsItsUtf8Bytes() {
        assertThat(Json.parse("[\"é\"]")).isEqualTo(Json.parse("[\"é\"]".getBytes(StandardCharsets.UTF_8)));
    }
}
