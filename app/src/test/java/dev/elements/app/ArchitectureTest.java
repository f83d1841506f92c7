package dev.elements.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, checked on the compiled production classes of every module. */
class ArchitectureTest {
    /**
     * Our modules come as directories or jars depending on the build phase; test sources and
     * test-jars (fakes, contract tests) are not production code and are left out.
     */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.elements");

    @Test
    void everyModulesProductionCodeIsCheckedAndNoTestCode() {
        assertThat(PRODUCTION.contain("dev.elements.core.Elements")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.http.HttpApi")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.persistence.PersistenceStore")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.facebook.FacebookElementProvider")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.app.Main")).isTrue();
        assertThat(PRODUCTION.contain("dev.elements.facebook.fake.FakeFacebook")).isFalse();
        assertThat(PRODUCTION.contain("dev.elements.core.testing.ScriptedElementProvider")).isFalse();
    }

    @Test
    void coreDependsOnTheJdkAlone() {
        classes().that().resideInAPackage("dev.elements.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.elements.core..", "java..", "javax.crypto..")
                .check(PRODUCTION);
    }

    @Test
    void coreUsesNoFrameworkNorJdbc() {
        noClasses().that().resideInAPackage("dev.elements.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "org.flywaydb..",
                        "com.google.inject..", "jakarta.inject..", "javax.inject..", "java.sql..",
                        "com.fasterxml.jackson..", "org.slf4j..")
                .check(PRODUCTION);
    }

    @Test
    void theAdaptersNeverSeeEachOther() {
        noClasses().that().resideInAPackage("dev.elements.http..")
                .should().dependOnClassesThat().resideInAPackage("dev.elements.persistence..")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("dev.elements.persistence..")
                .should().dependOnClassesThat().resideInAPackage("dev.elements.http..")
                .check(PRODUCTION);
    }

    @Test
    void nothingDependsOnTheApp() {
        noClasses().that().resideOutsideOfPackage("dev.elements.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.elements.app..")
                .check(PRODUCTION);
    }

    @Test
    void nothingDependsOnAPlugin() {
        noClasses().that().resideOutsideOfPackage("dev.elements.facebook..")
                .should().dependOnClassesThat().resideInAPackage("dev.elements.facebook..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheAppKnowsGuice() {
        noClasses().that().resideOutsideOfPackage("dev.elements.app..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                        "javax.inject..")
                .check(PRODUCTION);
    }

    @Test
    void aPluginSeesCoreAndItsOwnLibrariesOnly() {
        classes().that().resideInAPackage("dev.elements.facebook..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.elements.facebook..",
                        "dev.elements.core..", "java..", "javax.crypto..", "com.fasterxml.jackson..")
                .check(PRODUCTION);
    }
}
