package dev.elements.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.element.ConfigurationScope;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.spi.ElementProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading element documents: what a valid one becomes, and how each kind of broken one is reported. */
class DeclarativeElementsTest {
    /** A small valid document, one member a line, so that each test can break one line. */
    private static final String ACME = """
            {
              "key": "acme",
              "id": 9001,
              "name": "Acme",
              "description": "Acme's widgets",
              "image": "https://acme.example/logo.png",
              "signupUrl": "https://acme.example/apps",
              "oauth2": {
                "authorizationUrl": "https://acme.example/oauth/authorize",
                "tokenUrl": "https://acme.example/oauth/token",
                "baseUrl": "https://api.acme.example",
                "pkce": true,
                "clientAuthentication": "client_secret_basic",
                "userId": {"path": "/me", "pointer": "/id"}
              },
              "configuration": [
                {"key": "acme.region", "name": "Region", "description": "Where the account lives", "default": "eu"}
              ],
              "hub": {
                "name": "crm",
                "paging": {"style": "cursor", "limitParameter": "limit", "cursorParameter": "after", "nextCursorPointer": "/next"},
                "itemsPointer": "/data"
              },
              "resources": [
                {"path": "widgets", "method": "GET", "vendorPath": "/v1/widgets", "answer": "list", "description": "Widgets"},
                {"path": "widgets/{id}", "method": "GET", "vendorPath": "/v1/widgets/{id}", "description": "A widget", "parameters": {"id": {"pattern": "[0-9]+", "maxLength": 20, "description": "a widget number"}}}
              ]
            }
            """;

    @TempDir
    Path directory;

    @Test
    void theShippedElementsAreGitHubAndLinkedInAndEveryShippedDocumentIsListedInTheIndex() throws IOException {
        List<ElementProvider> shipped = DeclarativeElements.shipped();

        assertThat(shipped).extracting(provider -> provider.definition().key().value())
                .containsExactly("github", "linkedin");
        try (InputStream index = DeclarativeElements.class.getResourceAsStream(DeclarativeElements.SHIPPED_INDEX)) {
            assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8)).contains("github.json",
                    "linkedin.json");
        }
    }

    @Test
    void aValidDocumentBecomesAnOAuth2ElementWithItsEntriesResourcesAndOptions() throws IOException {
        write("acme.json", ACME);

        List<ElementProvider> loaded = DeclarativeElements.fromDirectory(directory);

        assertThat(loaded).hasSize(1);
        ElementProvider acme = loaded.get(0);
        ElementDefinition definition = acme.definition();
        assertThat(definition.key().value()).isEqualTo("acme");
        assertThat(definition.hub()).isEqualTo("crm");
        assertThat(acme.usesPkce()).isTrue();
        assertThat(definition.entry("base.url").orElseThrow().scope()).isEqualTo(ConfigurationScope.OPERATOR);
        assertThat(definition.entry("base.url").orElseThrow().defaultValue()).isEqualTo("https://api.acme.example");
        assertThat(definition.entry("acme.region").orElseThrow().defaultValue()).isEqualTo("eu");
        assertThat(definition.resources()).extracting(resource -> resource.path() + " " + resource.paged())
                .containsExactly("widgets true", "widgets/{id} false");
        assertThat(definition.resources().get(1).problemWithParameter("id", "abc")).isPresent();
        assertThat(acme).hasToString("DeclarativeElementProvider[acme from acme.json]");
    }

    @Test
    void aDirectoryWithTwoDocumentsLoadsBothInTheOrderOfTheirNamesAndIgnoresOtherFiles() throws IOException {
        write("b-acme.json", ACME);
        write("a-other.json", ACME.replace("\"acme\"", "\"other\"").replace("9001", "9002"));
        write("README.md", "not an element");

        assertThat(DeclarativeElements.fromDirectory(directory)).extracting(p -> p.definition().key().value())
                .containsExactly("other", "acme");
    }

    @Test
    void twoDocumentsWithTheSameKeyAreRefusedNamingBoth() throws IOException {
        write("a.json", ACME);
        write("b.json", ACME.replace("9001", "9002"));

        assertRefused("b.json", "\"key\": \"acme\"", "$.key", "acme is the key of a.json too");
    }

    @Test
    void twoDocumentsWithTheSameIdAreRefused() throws IOException {
        write("a.json", ACME);
        write("b.json", ACME.replace("\"acme\"", "\"other\""));

        assertRefused("b.json", "\"id\": 9001", "$.id", "9001 is the id of a.json too");
    }

    @Test
    void aMisspeltMemberIsRefusedWhereItIs() throws IOException {
        write("acme.json", ACME.replace("\"signupUrl\"", "\"signUpUrl\""));

        assertRefused("acme.json", "\"signUpUrl\"", "$.signUpUrl", "is not a field here");
    }

    @Test
    void anUnknownPagingStyleNamesTheStylesThereAre() throws IOException {
        write("acme.json", ACME.replace("\"style\": \"cursor\"", "\"style\": \"pages\""));

        assertRefused("acme.json", "\"style\": \"pages\"", "$.hub.paging.style",
                "must be one of cursor, link, offset, none");
    }

    @Test
    void aCursorPagingWithoutItsCursorParameterIsRefused() throws IOException {
        write("acme.json", ACME.replace("\"cursorParameter\": \"after\", ", ""));

        assertRefused("acme.json", "\"paging\"", "$.hub.paging.cursorParameter", "is required");
    }

    @Test
    void aMissingRequiredMemberIsNamed() throws IOException {
        write("acme.json", ACME.replace("    \"tokenUrl\": \"https://acme.example/oauth/token\",\n", ""));

        assertRefused("acme.json", "\"oauth2\"", "$.oauth2.tokenUrl", "is required");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() throws IOException {
        write("acme.json", ACME.replace("\"id\": 9001", "\"id\": \"one\""));

        assertRefused("acme.json", "\"id\": \"one\"", "$.id", "integer");
    }

    @Test
    void anEndpointEntryThatAnInstanceCouldSetIsRefused() throws IOException {
        write("acme.json", ACME.replace("\"default\": \"eu\"}",
                "\"default\": \"https://eu.acme.example\", \"format\": \"http_url\", \"scope\": \"instance\"}"));

        assertRefused("acme.json", "\"acme.region\"", "$.configuration[0].scope", "must be \"operator\"");
    }

    @Test
    void anEntryMayNotRedeclareAnOAuth2Entry() throws IOException {
        write("acme.json", ACME.replace("\"acme.region\"", "\"oauth.api.key\""));

        assertRefused("acme.json", "\"oauth.api.key\"", "$.configuration[0].key", "");
    }

    @Test
    void anAuthorizationHeaderIsRefusedForOnlyTheTokenMayFillIt() throws IOException {
        write("acme.json", ACME.replace("\"itemsPointer\": \"/data\"",
                "\"itemsPointer\": \"/data\",\n    \"headers\": {\"Authorization\": \"Basic abc\"}"));

        assertRefused("acme.json", "\"headers\"", "$.hub.headers", "");
    }

    @Test
    void aVendorPathPlaceholderThePathLacksIsRefused() throws IOException {
        write("acme.json", ACME.replace("\"vendorPath\": \"/v1/widgets\"", "\"vendorPath\": \"/v1/{team}/widgets\""));

        assertRefused("acme.json", "/v1/{team}/widgets", "$.resources[0].vendorPath",
                "uses {team}, which the path widgets does not have");
    }

    @Test
    void aParameterPatternThatIsNotARegularExpressionIsRefused() throws IOException {
        write("acme.json", ACME.replace("\"pattern\": \"[0-9]+\"", "\"pattern\": \"[0-9\""));

        assertRefused("acme.json", "\"[0-9\"", "$.resources[1].parameters.id.pattern", "is not a regular expression");
    }

    @Test
    void invalidJsonIsRefusedWithItsLineAndColumn() throws IOException {
        write("acme.json", ACME.replace("\"name\": \"Acme\",", "\"name\": \"Acme\",,"));

        ElementDocumentException refused = refusal();
        assertThat(refused.getMessage()).startsWith("acme.json, line " + lineOf(ACME, "\"name\": \"Acme\"")
                + ", column ").contains("is not valid JSON");
    }

    @Test
    void aMemberWrittenTwiceIsRefused() throws IOException {
        write("acme.json", ACME.replace("\"name\": \"Acme\",", "\"name\": \"Acme\",\n  \"name\": \"Acme 2\","));

        assertThat(refusal().getMessage()).startsWith("acme.json, line ").contains("is not valid JSON")
                .contains("name");
    }

    @Test
    void aDirectoryThatCannotBeListedIsNamed() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> DeclarativeElements.fromDirectory(missing))
                .isInstanceOf(ElementDocumentException.class).hasMessageStartingWith(missing + ": is not a directory");
    }

    private void assertRefused(String file, String marker, String field, String problem) {
        ElementDocumentException refused = refusal();
        String text;
        try {
            text = Files.readString(directory.resolve(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        int line = lineOf(text, marker);
        assertThat(refused.file()).isEqualTo(file);
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.line()).as(refused.getMessage()).isEqualTo(line);
        assertThat(refused.getMessage()).startsWith(file + ", line " + line + ", column ")
                .contains(": " + field + ": ").contains(problem);
    }

    private ElementDocumentException refusal() {
        try {
            DeclarativeElements.fromDirectory(directory);
        } catch (ElementDocumentException refused) {
            return refused;
        }
        throw new AssertionError("the documents were loaded");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(directory.resolve(name), text);
    }

    private static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains(marker)) {
                return index + 1;
            }
        }
        throw new AssertionError(marker + " is not in the document");
    }
}
