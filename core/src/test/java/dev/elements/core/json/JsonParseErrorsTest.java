package dev.elements.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way input can fail to be JSON is refused, saying what and where. */
class JsonParseErrorsTest {
    static Stream<Arguments> malformedInputs() {
        return Stream.of(
                Arguments.of("", "line 1, column 1: expected a value but the input ended"),
                Arguments.of("   ", "line 1, column 4: expected a value but the input ended"),
                Arguments.of("{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}",
                        "line 4, column 3: expected ',' or '}' but found '\"'"),
                Arguments.of("[1 2]", "line 1, column 4: expected ',' or ']' but found '2'"),
                Arguments.of("[1,2", "line 1, column 5: expected ',' or ']' but the input ended"),
                Arguments.of("{\"a\" 1}", "line 1, column 6: expected ':' after a member name but found '1'"),
                Arguments.of("{a:1}", "line 1, column 2: expected a member name in double quotes but found 'a'"),
                Arguments.of("{\"a\":1,}", "line 1, column 8: expected a member name in double quotes but found '}'"),
                Arguments.of("[1,]", "line 1, column 4: expected a value but found ']'"),
                Arguments.of("\"abc", "line 1, column 5: the input ended inside a string"),
                Arguments.of("\"ab\\", "line 1, column 5: the input ended inside a string"),
                Arguments.of("\"a\nb\"", "line 1, column 3: control character U+000A must be escaped in a string"),
                Arguments.of("\"a\tb\"", "line 1, column 3: control character U+0009 must be escaped in a string"),
                Arguments.of("\"\\x\"", "line 1, column 2: invalid escape, expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t"
                        + " \\u but found 'x'"),
                Arguments.of("[\"\\u12G4\"]", "line 1, column 3: a \\u escape needs four hex digits"),
                Arguments.of("\"\\u12", "line 1, column 2: a \\u escape needs four hex digits"),
                Arguments.of("01", "line 1, column 1: a number may not start with a leading zero"),
                Arguments.of("[-01]", "line 1, column 3: a number may not start with a leading zero"),
                Arguments.of("1.", "line 1, column 3: expected a digit after the decimal point but the input ended"),
                Arguments.of("1.e5", "line 1, column 3: expected a digit after the decimal point but found 'e'"),
                Arguments.of("1e", "line 1, column 3: expected a digit in the exponent but the input ended"),
                Arguments.of("1e+", "line 1, column 4: expected a digit in the exponent but the input ended"),
                Arguments.of("-", "line 1, column 2: expected a digit but the input ended"),
                Arguments.of("-a", "line 1, column 2: expected a digit but found 'a'"),
                Arguments.of(".5", "line 1, column 1: expected a value but found '.'"),
                Arguments.of("+1", "line 1, column 1: expected a value but found '+'"),
                Arguments.of("1e9999999999", "line 1, column 1: the number's exponent is out of range"),
                Arguments.of("tru", "line 1, column 1: invalid literal, expected true"),
                Arguments.of("[nul]", "line 1, column 2: invalid literal, expected null"),
                Arguments.of("falsy", "line 1, column 1: invalid literal, expected false"),
                Arguments.of("True", "line 1, column 1: expected a value but found 'T'"),
                Arguments.of("NaN", "line 1, column 1: expected a value but found 'N'"),
                Arguments.of("[Infinity]", "line 1, column 2: expected a value but found 'I'"),
                Arguments.of("// note\n1", "line 1, column 1: expected a value but found '/'"),
                Arguments.of("{} x", "line 1, column 4: expected the end of the input but found 'x'"),
                Arguments.of("truex", "line 1, column 5: expected the end of the input but found 'x'"),
                Arguments.of("1 2", "line 1, column 3: expected the end of the input but found '2'"),
                Arguments.of("\u0001", "line 1, column 1: expected a value but found U+0001"),
                Arguments.of("\"ü\" x", "line 1, column 5: expected the end of the input but found 'x'"),
                Arguments.of("é", "line 1, column 1: expected a value but found U+00E9"),
                Arguments.of("\r\n\r\n  ]", "line 3, column 3: expected a value but found ']'"));
    }

    @ParameterizedTest
    @MethodSource("malformedInputs")
    void refusesWithWhatAndWhere(String input, String message) {
        assertThatThrownBy(() -> Json.parse(input)).isInstanceOf(JsonSyntaxException.class).hasMessage(message);
        assertThat(Json.tryParse(input.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of(new byte[] {'"', (byte) 0xC3, '(', '"'}, "line 1, column 2: invalid UTF-8 sequence starting with byte 0xC3"),
                Arguments.of(new byte[] {'"', 'a', (byte) 0x80, '"'}, "line 1, column 3: invalid UTF-8 sequence starting with byte 0x80"),
                // overlong forms of '/' and NUL
                Arguments.of(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, "line 1, column 2: invalid UTF-8 sequence starting with byte 0xC0"),
                Arguments.of(new byte[] {'"', (byte) 0xE0, (byte) 0x80, (byte) 0x80, '"'},
                        "line 1, column 2: invalid UTF-8 sequence starting with byte 0xE0"),
                // U+D800, a surrogate, encoded as if it were a character
                Arguments.of(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
                        "line 1, column 2: invalid UTF-8 sequence starting with byte 0xED"),
                // U+110000, beyond Unicode
                Arguments.of(new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'},
                        "line 1, column 2: invalid UTF-8 sequence starting with byte 0xF4"),
                Arguments.of(new byte[] {'"', (byte) 0xE2, (byte) 0x82, '"'}, "line 1, column 2: invalid UTF-8 sequence starting with byte 0xE2"),
                Arguments.of(new byte[] {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98}, "line 1, column 2: invalid UTF-8 sequence starting with byte 0xF0"),
                Arguments.of(new byte[] {'"', (byte) 0xFF, '"'}, "line 1, column 2: invalid UTF-8 sequence starting with byte 0xFF"),
                Arguments.of(new byte[] {(byte) 0xFF}, "line 1, column 1: expected a value but found the byte 0xFF, which is not UTF-8"),
                Arguments.of(new byte[] {'"', '\\', (byte) 0xFF, '"'},
                        "line 1, column 2: invalid escape, expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u but found the byte"
                                + " 0xFF, which is not UTF-8"));
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void refusesBytesThatAreNotUtf8(byte[] input, String message) {
        assertThatThrownBy(() -> Json.parse(input)).isInstanceOf(JsonSyntaxException.class).hasMessage(message);
    }

    @Test
    void nestsFiveHundredLevelsAndNoMore() {
        assertThat(Json.parse("[".repeat(500) + "]".repeat(500)).at("/0".repeat(499)).isArray()).isTrue();

        assertThatThrownBy(() -> Json.parse("[".repeat(501) + "]".repeat(501)))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("line 1, column 501: nesting deeper than 500 levels");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(501) + "1" + "}".repeat(501)))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("line 1, column 2501: nesting deeper than 500 levels");
    }

    @Test
    void aHugeNumberWithAnExponentIsRefusedBeforeItCostsQuadraticTime() {
        assertThat(Json.parse("[" + "7".repeat(900) + "e5]").at("/0").isNumber()).isTrue();

        assertThatThrownBy(() -> Json.parse("{\"a\":" + "7".repeat(300_000) + "e1000000000}"))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("line 1, column 6: the number has more than 1000 digits");
    }

    @Test
    void hostileNestingIsASyntaxErrorAndNotAStackOverflow() {
        assertThatThrownBy(() -> Json.parse("[".repeat(100_000) + "]".repeat(100_000)))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("line 1, column 501: nesting deeper than 500 levels");
    }

    @Test
    void quotesAtMostOneCharacterOfTheInput() {
        String secret = "{\"access_token\" \"EAAB-secret-token-value\"}";

        assertThatThrownBy(() -> Json.parse(secret)).hasMessage(
                "line 1, column 17: expected ':' after a member name but found '\"'");
    }

    @Test
    void tryParseIsEmptyForEmptyBlankOrInvalidInput() {
        assertThat(Json.tryParse(new byte[0])).isEmpty();
        assertThat(Json.tryParse(" \n\t ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Json.tryParse("<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Json.tryParse(" 7 ".getBytes(StandardCharsets.US_ASCII))).contains(new JsonNumber("7"));
    }
}
