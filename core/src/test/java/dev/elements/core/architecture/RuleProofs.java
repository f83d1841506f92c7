package dev.elements.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The proof that a dependency rule can fail: it must find a violation in a class written to break
 * it. Used by core's rules and by the rules for the modules around core.
 */
public final class RuleProofs {
    private RuleProofs() {
    }

    public static void assertViolatedBy(ArchRule rule, Class<?> wrong) {
        assertThat(rule.evaluate(new ClassFileImporter().importClasses(wrong)).hasViolation())
                .as(rule.getDescription()).isTrue();
    }

    /** No rule without a proof: a rule added without one fails the build. */
    public static void assertEveryRuleIsProven(Stream<Arguments> proofs, ArchRule... rules) {
        assertThat(proofs.map(arguments -> arguments.get()[0])).containsExactlyInAnyOrder((Object[]) rules);
    }
}
