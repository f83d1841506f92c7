package dev.elements.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValuesTest {
    @Test
    void aShortPlainValueIsQuotedAsItIs() {
        assertThat(RequestValues.quote("facebooksocial")).isEqualTo("'facebooksocial'");
        assertThat(RequestValues.quote("ada+test@example.com")).isEqualTo("'ada+test@example.com'");
        assertThat(RequestValues.quote(null)).isEqualTo("(none)");
    }

    @Test
    void aLongValueIsCutAndItsLengthSaid() {
        assertThat(RequestValues.quote("9".repeat(900)))
                .isEqualTo("'" + "9".repeat(RequestValues.MAX_SHOWN) + "...' (900 characters)");
    }

    @Test
    void markupControlCharactersAndDirectionOverridesAreReplaced() {
        assertThat(RequestValues.quote("<b>\u0000\r\n\u202eé'\"\\`&"))
                .isEqualTo("'?b?????é?????'");
    }

    @Test
    void aListNamesAFewAndCountsTheRest() {
        assertThat(RequestValues.list(List.of("a", "b<", "c", "d", "e", "f", "g")))
                .isEqualTo("a, b?, c, d, e and 2 more");
    }
}
