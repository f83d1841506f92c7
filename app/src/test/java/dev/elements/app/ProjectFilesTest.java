package dev.elements.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
