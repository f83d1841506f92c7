package dev.elements.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.spi.ElementProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example document in the README's "Adding an element" loads, so the guide cannot drift from the schema. */
class ReadmeExampleTest {
    private static final String INTRODUCTION = "The same Acme element as a document (`acme.json`):";

    @TempDir
    Path directory;

    @Test
    void theReadmesExampleDocumentIsAValidElement() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int introduced = readme.indexOf(INTRODUCTION);
        assertThat(introduced).as("the README introduces its example document").isPositive();
        int start = readme.indexOf("```json\n", introduced) + "```json\n".length();
        String document = readme.substring(start, readme.indexOf("```", start));
        Files.writeString(directory.resolve("acme.json"), document);

        List<ElementProvider> loaded = DeclarativeElements.fromDirectory(directory);

        assertThat(loaded).singleElement().satisfies(acme -> {
            assertThat(acme.definition().key().value()).isEqualTo("acme");
            assertThat(acme.usesPkce()).isTrue();
            assertThat(acme.definition().resources()).extracting(resource -> resource.path())
                    .containsExactly("notes", "notes/{id}");
        });
    }
}
