package dev.elements.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import dev.elements.core.Elements;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The dependency rules between core's packages (the hexagon's inside), as constants, so that the
 * check of the production classes and the proof that each rule can fail use the very same rule.
 * The rules for the modules around core, which reuse the package lists here, are in app.
 */
public final class CoreDependencyRules {
    /** The domain: values, entities and their rules, which know no port, service or adapter. */
    public static final String[] DOMAIN = {
        "dev.elements.core.element..",
        "dev.elements.core.instance..",
        "dev.elements.core.oauth..",
        "dev.elements.core.tenant..",
        "dev.elements.core.hub..",
        "dev.elements.core.error..",
        // JSON values: provider answers are parsed once, in core, and plugins shape them.
        "dev.elements.core.json..",
        // Conditions on lists (CEQL's where), parsed by an inbound adapter and filtered by storage.
        "dev.elements.core.query..",
        // Provider events and the outbox's records of them.
        "dev.elements.core.event..",
        // Hosted connect sessions: what a session keeps and how it ends.
        "dev.elements.core.connect..",
    };
    public static final String PORT_IN = "dev.elements.core.port.in..";
    public static final String PORT_OUT = "dev.elements.core.port.out..";
    public static final String SPI = "dev.elements.core.spi..";
    /** The JDK, less what core keeps away from (see {@link #CORE_USES_NO_JDBC}). */
    public static final String[] JDK = {"java..", "javax.crypto.."};

    /**
     * What a plugin gets from the host besides the SPI and the domain: the outbound HTTP port that
     * {@link dev.elements.core.spi.ElementContext} hands it.
     */
    public static final DescribedPredicate<JavaClass> OUTBOUND_HTTP =
            belongToAnyOf(ProviderHttp.class, ProviderHttpRequest.class, ProviderHttpResponse.class);

    public static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_DOMAIN = classes()
            .that().resideInAnyPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(union(DOMAIN, JDK))
            .as("the domain depends on nothing outside the domain but the JDK");

    public static final ArchRule INBOUND_PORTS_DEPEND_ONLY_ON_THE_DOMAIN = classes()
            .that().resideInAPackage(PORT_IN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(union(DOMAIN, JDK, PORT_IN))
            .as("the use cases (port.in) speak in their own and domain types: no port.out, no service");

    public static final ArchRule OUTBOUND_PORTS_DEPEND_ONLY_ON_THE_DOMAIN = classes()
            .that().resideInAPackage(PORT_OUT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(union(DOMAIN, JDK, PORT_OUT))
            .as("the outbound ports (port.out) speak in their own and domain types: no port.in, no service");

    public static final ArchRule SPI_EXPOSES_ONLY_WHAT_PLUGINS_NEED = classes()
            .that().resideInAPackage(SPI)
            .should().onlyDependOnClassesThat(resideInAnyPackage(union(DOMAIN, JDK, SPI)).or(OUTBOUND_HTTP))
            .as("the plugin SPI exposes the domain and outbound HTTP only: no service, use case or storage");

    public static final ArchRule CORE_USES_NO_JDBC = noClasses()
            .that().resideInAPackage("dev.elements.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .as("core uses no JDBC: storage is an adapter's");

    /** The in-memory storage and the JDK HTTP client are adapters inside core, for embedding. */
    public static final ArchRule ONLY_THE_ENTRY_PICKS_CORES_OWN_ADAPTERS = noClasses()
            .that().resideOutsideOfPackages("dev.elements.core.memory..", "dev.elements.core.net..")
            .and().doNotBelongToAnyOf(Elements.class)
            .should().dependOnClassesThat().resideInAnyPackage("dev.elements.core.memory..", "dev.elements.core.net..")
            .as("only Elements picks core's own adapters (memory, net); the rest sees their ports");

    public static final ArchRule[] ALL = {
        DOMAIN_DEPENDS_ONLY_ON_THE_DOMAIN,
        INBOUND_PORTS_DEPEND_ONLY_ON_THE_DOMAIN,
        OUTBOUND_PORTS_DEPEND_ONLY_ON_THE_DOMAIN,
        SPI_EXPOSES_ONLY_WHAT_PLUGINS_NEED,
        CORE_USES_NO_JDBC,
        ONLY_THE_ENTRY_PICKS_CORES_OWN_ADAPTERS,
    };

    private CoreDependencyRules() {
    }

    /** Package lists joined, for rules that allow several. */
    public static String[] union(String[] packages, String[] more, String... others) {
        return Stream.of(Arrays.stream(packages), Arrays.stream(more), Arrays.stream(others))
                .flatMap(stream -> stream)
                .toArray(String[]::new);
    }
}
