package dev.elements.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The files beside the code that a newcomer reads first, checked against what they promise. */
class ProjectFilesTest {
    /** The build runs each module's tests in the module's directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theProjectIsLicensedUnderApacheTwoInTheLicenseFileThePomAndTheReadme() throws Exception {
        String license = Files.readString(ROOT.resolve("LICENSE"));

        assertThat(license).contains("Apache License").contains("Version 2.0, January 2004")
                .contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION")
                .contains("END OF TERMS AND CONDITIONS");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<name>Apache-2.0</name>");
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("[Apache License, Version 2.0](LICENSE)");
    }

    @Test
    void theDockerfileBuildsWithTheReadmesBuildCommandAndRunsTheJarAsANonRootUser() throws Exception {
        List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));
        String readme = Files.readString(ROOT.resolve("README.md"));

        String build = dockerfile.stream().filter(line -> line.startsWith("RUN mvn ")).findFirst().orElseThrow()
                .substring("RUN ".length());
        assertThat(readme).as("the README's build command").contains("\n    " + build
                + " && java -jar app/target/elements.jar\n");
        assertThat(dockerfile).contains("FROM maven:3-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre",
                "COPY --from=build /src/app/target/elements.jar elements.jar", "USER elements", "EXPOSE 8080",
                "VOLUME /var/lib/elements/data", "ENTRYPOINT [\"java\", \"-jar\", \"elements.jar\"]");
        assertThat(readme).contains("docker compose up --build");
    }

    @Test
    void composeRunsTwoNodesOnOnePostgresBehindOnePortWithOneMasterKey() throws Exception {
        // SnakeYAML resolves the merge key (<<) that Docker Compose reads as well.
        JsonNode compose = new ObjectMapper().valueToTree(new Yaml().load(Files.readString(ROOT.resolve("compose.yaml"))));
        JsonNode services = compose.path("services");

        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:");
        for (String node : List.of("elements-1", "elements-2")) {
            JsonNode environment = services.path(node).path("environment");
            assertThat(services.path(node).path("build").asText()).as(node).isEqualTo(".");
            assertThat(environment.path("ELEMENTS_DATABASE_URL").asText()).as(node)
                    .isEqualTo("jdbc:postgresql://postgres:5432/elements");
            assertThat(environment.path("ELEMENTS_MASTER_KEY").asText()).as(node).startsWith("${ELEMENTS_MASTER_KEY");
        }
        assertThat(services.path("proxy").path("ports").get(0).asText()).isEqualTo("8080:8080");
        assertThat(compose.path("configs").path("nginx").path("content").asText())
                .contains("server elements-1:8080;", "server elements-2:8080;", "proxy_pass http://elements;");
    }
}
