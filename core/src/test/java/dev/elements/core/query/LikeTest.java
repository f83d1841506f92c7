package dev.elements.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceFields;
import org.junit.jupiter.api.Test;

/** {@code like}: what its one wildcard matches, and the patterns refused because LIKE matchers backtrack on them. */
class LikeTest {

    @Test
    void percentMatchesAnyRunAndEverythingElseItself() {
        assertThat(new Like("name", "Sales%").matches("Sales page")).isTrue();
        assertThat(new Like("name", "%page").matches("Sales page")).isTrue();
        assertThat(new Like("name", "%les p%").matches("Sales page")).isTrue();
        assertThat(new Like("name", "S%e").matches("Sales page")).isTrue();
        assertThat(new Like("name", "S%e").matches("Sales pages")).isFalse();
        assertThat(new Like("name", "Sales").matches("Sales page")).isFalse();
        assertThat(new Like("name", "a%a").matches("a")).as("the prefix and suffix may not overlap").isFalse();
        assertThat(new Like("name", "a%b%b").matches("ab")).isFalse();
        assertThat(new Like("name", "a%b%c").matches("a-b-b-c")).isTrue();
        assertThat(new Like("name", "_").matches("x")).as("_ is no wildcard in CEQL").isFalse();
        assertThat(new Like("name", "%%").matches("")).isTrue();
    }

    @Test
    void aPatternThatWouldBacktrackIsAnsweredWithoutBacktracking() {
        String hostile = "%a".repeat(30) + "%b";

        assertThat(new Like("name", hostile).matches("a".repeat(1_000))).isFalse();
    }

    @Test
    void morePercentsThanTwoAreRefusedBeforeAnyDatabaseIsAsked() {
        assertThat(InstanceFields.QUERYABLE.check(new Like("name", "%%a%%"))).isNotNull();

        assertThatThrownBy(() -> InstanceFields.QUERYABLE.check(new Like("name", "%a%a%b")))
                .isInstanceOfSatisfying(PlatformException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(refused.getMessage()).contains("at most 2 %");
                });
    }
}
