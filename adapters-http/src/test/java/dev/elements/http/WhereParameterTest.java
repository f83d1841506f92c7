package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.query.And;
import dev.elements.core.query.Comparison;
import dev.elements.core.query.Condition;
import dev.elements.core.query.In;
import dev.elements.core.query.Like;
import dev.elements.core.query.Operator;
import dev.elements.core.query.Or;
import dev.elements.core.query.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CEQL as Cloud Elements documented it (devportal {@code _includes/ceql-ref.md}), into core's conditions. */
class WhereParameterTest {

    private static Comparison compare(String field, Operator operator, Value value) {
        return new Comparison(field, operator, value);
    }

    private static Value text(String text) {
        return new Value.Text(text);
    }

    private static Value number(String number) {
        return new Value.Numeric(new BigDecimal(number));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "name = 'x'|EQUAL",
        "name != 'x'|NOT_EQUAL",
        "name < 'x'|LESS",
        "name > 'x'|GREATER",
        "name <= 'x'|LESS_OR_EQUAL",
        "name >= 'x'|GREATER_OR_EQUAL",
        "name>='x'|GREATER_OR_EQUAL",
    })
    void readsEachComparison(String where, Operator operator) {
        assertThat(WhereParameter.parse(where)).isEqualTo(compare("name", operator, text("x")));
    }

    @Test
    void readsLikeInNumbersBooleansAndKeywordsInAnyCase() {
        assertThat(WhereParameter.parse("name LIKE 'Acc%'")).isEqualTo(new Like("name", "Acc%"));
        assertThat(WhereParameter.parse("tags in ('a', 'b')")).isEqualTo(new In("tags", List.of(text("a"), text("b"))));
        assertThat(WhereParameter.parse("id In (12, -3.5)")).isEqualTo(new In("id", List.of(number("12"),
                number("-3.5"))));
        assertThat(WhereParameter.parse("disabled = TRUE")).isEqualTo(compare("disabled", Operator.EQUAL,
                new Value.Bool(true)));
        assertThat(WhereParameter.parse("active = false")).isEqualTo(compare("active", Operator.EQUAL,
                new Value.Bool(false)));
        assertThat(WhereParameter.parse("AnnualRevenue >= 100000")).isEqualTo(compare("AnnualRevenue",
                Operator.GREATER_OR_EQUAL, number("100000")));
        assertThat(WhereParameter.parse("`metaData.lastUpdateTime` > '2015-01-06T09:31:38-07:00'"))
                .isEqualTo(compare("metaData.lastUpdateTime", Operator.GREATER, text("2015-01-06T09:31:38-07:00")));
    }

    @Test
    void aQuoteInsideATextIsWrittenTwice() {
        assertThat(WhereParameter.parse("name = 'O''Brien''s'")).isEqualTo(compare("name", Operator.EQUAL,
                text("O'Brien's")));
        assertThat(WhereParameter.parse("name = ''")).isEqualTo(compare("name", Operator.EQUAL, text("")));
        assertThat(WhereParameter.parse("name = 'a and b = (c)'")).isEqualTo(compare("name", Operator.EQUAL,
                text("a and b = (c)")));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt() {
        Condition a = compare("a", Operator.EQUAL, number("1"));
        Condition b = compare("b", Operator.EQUAL, number("2"));
        Condition c = compare("c", Operator.EQUAL, number("3"));

        assertThat(WhereParameter.parse("a = 1 or b = 2 and c = 3")).isEqualTo(new Or(List.of(a, new And(List.of(b, c)))));
        assertThat(WhereParameter.parse("a = 1 AND b = 2 OR c = 3")).isEqualTo(new Or(List.of(new And(List.of(a, b)), c)));
        assertThat(WhereParameter.parse("(a = 1 or b = 2) and c = 3"))
                .isEqualTo(new And(List.of(new Or(List.of(a, b)), c)));
        assertThat(WhereParameter.parse("a = 1 and b = 2 and c = 3")).isEqualTo(new And(List.of(a, b, c)));
        assertThat(WhereParameter.parse("((a = 1))")).isEqualTo(a);
        // Cloud Elements' own example.
        assertThat(WhereParameter.parse("LastModifiedDate>'2018-01-15T00:00:00.000Z' AND (Name='Account Name' OR"
                + " Industry='Apparel')")).isEqualTo(new And(List.of(
                        compare("LastModifiedDate", Operator.GREATER, text("2018-01-15T00:00:00.000Z")),
                        new Or(List.of(compare("Name", Operator.EQUAL, text("Account Name")),
                                compare("Industry", Operator.EQUAL, text("Apparel")))))));
    }

    @Test
    void absentOrBlankIsNoCondition() {
        assertThat(WhereParameter.parse(null)).isNull();
        assertThat(WhereParameter.parse("  ")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "name = 'x' and|where: at position 15: expected ( or a field name, found the end of the query",
        "name 'x'|where: at position 6: expected like, in, =, !=, <=, >=, < or >, found '?x?'",
        "name = x|where: at position 8: expected true, false, a 'quoted' text or a number, found 'x'",
        "name = 'x' nand id = 1|where: at position 12: expected the end of the query, found 'nand'",
        "(name = 'x'|where: at position 12: expected ), found the end of the query",
        "name = 'unterminated|where: at position 8: expected true, false, a 'quoted' text or a number, found '?'",
        "name like 3|where: at position 11: expected a 'quoted' text, found '3'",
        "tags in ()|where: at position 10: expected true, false, a 'quoted' text or a number, found ')'",
        "name = 'x' # 1|where: at position 12: expected the end of the query, found '#'",
        "= 'x'|where: at position 1: expected ( or a field name, found '='",
    })
    void refusesWhatIsNoCeqlPointingAtThePosition(String where, String message) {
        assertThatThrownBy(() -> WhereParameter.parse(where))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(refusal.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void quotesNoMoreThanAShortExcerptOfTheQuery() {
        String longText = "x".repeat(1_500);
        assertThatThrownBy(() -> WhereParameter.parse("name = 'a' '" + longText + "'"))
                .hasMessageStartingWith("where: at position 12: expected the end of the query, found '?xxx")
                .hasMessageContaining("(1502 characters)")
                .satisfies(refusal -> assertThat(refusal.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void boundsLengthAndNestingBeforeParsing() {
        assertThat(WhereParameter.parse("name = '" + "x".repeat(WhereParameter.MAX_LENGTH - 9) + "'")).isNotNull();
        assertThatThrownBy(() -> WhereParameter.parse("name = '" + "x".repeat(WhereParameter.MAX_LENGTH) + "'"))
                .hasMessage("where: longer than 2000 characters (2009)");

        String nested = "(".repeat(WhereParameter.MAX_DEPTH) + "a = 1" + ")".repeat(WhereParameter.MAX_DEPTH);
        assertThat(WhereParameter.parse(nested)).isEqualTo(compare("a", Operator.EQUAL, number("1")));
        assertThatThrownBy(() -> WhereParameter.parse("(" + nested + ")"))
                .hasMessage("where: at position 17: parentheses nest deeper than 16");

        String longChain = "a = 1" + " and a = 1".repeat(190);
        assertThat(WhereParameter.parse(longChain)).isInstanceOfSatisfying(And.class,
                and -> assertThat(and.conditions()).hasSize(191));
    }
}
