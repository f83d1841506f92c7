package dev.elements.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.elements.core.architecture.CoreDependencyRules.DOMAIN;
import static dev.elements.core.architecture.CoreDependencyRules.OUTBOUND_HTTP;
import static dev.elements.core.architecture.CoreDependencyRules.PORT_IN;
import static dev.elements.core.architecture.CoreDependencyRules.PORT_OUT;
import static dev.elements.core.architecture.CoreDependencyRules.SPI;
import static dev.elements.core.architecture.CoreDependencyRules.union;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.elements.app.violation.ServerThatBuildsADocumentElementItself;
import dev.elements.app.violation.ServerThatStartsTheSandboxItself;
import dev.elements.core.architecture.RuleProofs;
import dev.elements.declarative.DeclarativeElements;
import dev.elements.declarative.ElementDocumentException;
import dev.elements.facebook.violation.PluginThatProvisionsInstances;
import dev.elements.http.violation.RouteThatShowsAStorageType;
import dev.elements.persistence.violation.StoreThatSealsWithTheVault;
import dev.elements.sandbox.violation.SandboxThatKnowsThePlatform;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the modules around core may reach it, checked on the compiled production classes of every
 * module; the Maven graph already keeps modules apart, so these rules are about the packages of
 * core each one sees. Core's own rules are {@code CoreDependencyRules}, checked in core.
 */
class ArchitectureTest {
    /**
     * Our modules come as directories or jars depending on the build phase; test sources and
     * test-jars (fakes, contract tests, the deliberately wrong classes below) are not production
     * code and are left out.
     */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.elements");

    private static final DescribedPredicate<JavaClass> OUTSIDE_CORE = resideOutsideOfPackage("dev.elements.core..");

    /**
     * The HTTP adapter drives core through the use cases and shows domain types; never the embedding
     * façade, a service, an outbound port or core's own adapters. The use cases come bound one by
     * one from app's composition root.
     */
    static final ArchRule HTTP_REACHES_CORE_THROUGH_USE_CASES = classes()
            .that().resideInAPackage("dev.elements.http..")
            .should().onlyDependOnClassesThat(OUTSIDE_CORE
                    .or(resideInAnyPackage(union(DOMAIN, new String[] {PORT_IN}))))
            .as("the HTTP adapter reaches core through the use cases (port.in) and domain types only");

    static final ArchRule PERSISTENCE_REACHES_CORE_THROUGH_OUTBOUND_PORTS = classes()
            .that().resideInAPackage("dev.elements.persistence..")
            .should().onlyDependOnClassesThat(OUTSIDE_CORE.or(resideInAnyPackage(union(DOMAIN, new String[] {PORT_OUT}))))
            .as("the storage adapter reaches core through the outbound ports (port.out) and domain types only");

    static final ArchRule PLUGINS_REACH_CORE_THROUGH_THE_SPI = classes()
            .that().resideInAnyPackage("dev.elements.facebook..", "dev.elements.twitter..", "dev.elements.declarative..")
            .should().onlyDependOnClassesThat(OUTSIDE_CORE
                    .or(resideInAnyPackage(union(DOMAIN, new String[] {SPI})))
                    .or(OUTBOUND_HTTP))
            .as("a plugin reaches core through the SPI, its outbound HTTP and domain types only");

    /** The server registers element documents through the loader; what an element is made of stays the module's. */
    static final ArchRule APP_LOADS_ELEMENT_DOCUMENTS_THROUGH_THE_LOADER = noClasses()
            .that().resideInAPackage("dev.elements.app..")
            .should().dependOnClassesThat(resideInAPackage("dev.elements.declarative..")
                    .and(DescribedPredicate.not(type(DeclarativeElements.class)))
                    .and(DescribedPredicate.not(type(ElementDocumentException.class))))
            .as("the server reaches element documents through the loader (DeclarativeElements) only");

    /**
     * The sandbox Facebook is demo mode's: only its wiring starts it, so no real server can end up
     * calling a made-up Facebook, and the sandbox itself knows nothing of the platform.
     */
    static final ArchRule ONLY_DEMO_MODE_TOUCHES_THE_SANDBOX = noClasses()
            .that().resideOutsideOfPackages("dev.elements.app.demo..", "dev.elements.sandbox..")
            .should().dependOnClassesThat(resideInAPackage("dev.elements.sandbox.."))
            .as("only demo mode (dev.elements.app.demo) reaches the sandbox Facebook");

    static final ArchRule THE_SANDBOX_STANDS_ALONE = noClasses()
            .that().resideInAPackage("dev.elements.sandbox..")
            .should().dependOnClassesThat(resideInAPackage("dev.elements..")
                    .and(DescribedPredicate.not(resideInAPackage("dev.elements.sandbox.."))))
            .as("the sandbox Facebook depends on the JDK only");

    private static final ArchRule[] ALL = {
        HTTP_REACHES_CORE_THROUGH_USE_CASES,
        PERSISTENCE_REACHES_CORE_THROUGH_OUTBOUND_PORTS,
        PLUGINS_REACH_CORE_THROUGH_THE_SPI,
        APP_LOADS_ELEMENT_DOCUMENTS_THROUGH_THE_LOADER,
        ONLY_DEMO_MODE_TOUCHES_THE_SANDBOX,
        THE_SANDBOX_STANDS_ALONE,
    };

    @Test
    void everyModulesProductionCodeIsCheckedAndNoTestCode() {
        assertThat(PRODUCTION.contain("dev.elements.core.Elements")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.http.HttpApi")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.persistence.PersistenceStore")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.facebook.FacebookElementProvider")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.app.Main")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.twitter.TwitterElementProvider")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.declarative.DeclarativeElements")).isTrue();
        assertThat(PRODUCTION.contain(ServerThatBuildsADocumentElementItself.class)).isFalse();
        assertThat(PRODUCTION.contain("dev.elements.sandbox.facebook.SandboxFacebook")).isTrue();
        assertThat(PRODUCTION.contain(ServerThatStartsTheSandboxItself.class)).isFalse();
        assertThat(PRODUCTION.contain("dev.elements.facebook.fake.FakeFacebook")).isFalse();
        assertThat(PRODUCTION.contain("dev.elements.core.testing.ScriptedElementProvider")).isFalse();
        assertThat(PRODUCTION.contain(StoreThatSealsWithTheVault.class)).isFalse();
    }

    @Test
    void theAdaptersAndPluginsKeepEveryRule() {
        for (ArchRule rule : ALL) {
            rule.check(PRODUCTION);
        }
    }

    static Stream<Arguments> deliberatelyWrongClasses() {
        return Stream.of(
                Arguments.of(HTTP_REACHES_CORE_THROUGH_USE_CASES, RouteThatShowsAStorageType.class),
                Arguments.of(PERSISTENCE_REACHES_CORE_THROUGH_OUTBOUND_PORTS, StoreThatSealsWithTheVault.class),
                Arguments.of(PLUGINS_REACH_CORE_THROUGH_THE_SPI, PluginThatProvisionsInstances.class),
                Arguments.of(APP_LOADS_ELEMENT_DOCUMENTS_THROUGH_THE_LOADER,
                        ServerThatBuildsADocumentElementItself.class),
                Arguments.of(ONLY_DEMO_MODE_TOUCHES_THE_SANDBOX, ServerThatStartsTheSandboxItself.class),
                Arguments.of(THE_SANDBOX_STANDS_ALONE, SandboxThatKnowsThePlatform.class));
    }

    @ParameterizedTest
    @MethodSource("deliberatelyWrongClasses")
    void eachRuleFailsOnADeliberatelyWrongClass(ArchRule rule, Class<?> wrong) {
        RuleProofs.assertViolatedBy(rule, wrong);
    }

    @Test
    void everyRuleIsProvenAbleToFail() {
        RuleProofs.assertEveryRuleIsProven(deliberatelyWrongClasses(), ALL);
    }
}
