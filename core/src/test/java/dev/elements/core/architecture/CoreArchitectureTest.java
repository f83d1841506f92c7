package dev.elements.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.elements.core.instance.violation.DomainTypeThatSeesAPort;
import dev.elements.core.port.in.violation.UseCaseThatAnswersWithAnOutboundType;
import dev.elements.core.port.out.violation.PortThatSeesAService;
import dev.elements.core.service.violation.ServiceThatPicksTheInMemoryStore;
import dev.elements.core.service.violation.ServiceThatReadsJdbc;
import dev.elements.core.spi.violation.ContextThatHandsOutAUseCase;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Core's dependency rules hold for its production classes, and each of them can fail. */
class CoreArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.elements.core");

    @Test
    void theProductionClassesAreCheckedAndNoTestClass() {
        assertThat(PRODUCTION.contain("dev.elements.core.Elements")).isTrue();
        assertThat(PRODUCTION.contain(DomainTypeThatSeesAPort.class)).isFalse();
    }

    @Test
    void theProductionClassesKeepEveryRule() {
        for (ArchRule rule : CoreDependencyRules.ALL) {
            rule.check(PRODUCTION);
        }
    }

    static Stream<Arguments> deliberatelyWrongClasses() {
        return Stream.of(
                Arguments.of(CoreDependencyRules.DOMAIN_DEPENDS_ONLY_ON_THE_DOMAIN, DomainTypeThatSeesAPort.class),
                Arguments.of(CoreDependencyRules.INBOUND_PORTS_DEPEND_ONLY_ON_THE_DOMAIN,
                        UseCaseThatAnswersWithAnOutboundType.class),
                Arguments.of(CoreDependencyRules.OUTBOUND_PORTS_DEPEND_ONLY_ON_THE_DOMAIN, PortThatSeesAService.class),
                Arguments.of(CoreDependencyRules.SPI_EXPOSES_ONLY_WHAT_PLUGINS_NEED, ContextThatHandsOutAUseCase.class),
                Arguments.of(CoreDependencyRules.CORE_USES_NO_JDBC, ServiceThatReadsJdbc.class),
                Arguments.of(CoreDependencyRules.ONLY_THE_ENTRY_PICKS_CORES_OWN_ADAPTERS,
                        ServiceThatPicksTheInMemoryStore.class));
    }

    @ParameterizedTest
    @MethodSource("deliberatelyWrongClasses")
    void eachRuleFailsOnADeliberatelyWrongClass(ArchRule rule, Class<?> wrong) {
        RuleProofs.assertViolatedBy(rule, wrong);
    }

    @Test
    void everyRuleIsProvenAbleToFail() {
        RuleProofs.assertEveryRuleIsProven(deliberatelyWrongClasses(), CoreDependencyRules.ALL);
    }
}
