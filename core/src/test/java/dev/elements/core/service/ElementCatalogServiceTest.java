package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.Elements;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.port.in.AuthorizationUrl;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import dev.elements.core.testing.ScriptedElementProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementCatalogServiceTest {
    private final Elements elements = Elements.builder().inMemory().provider(new ScriptedElementProvider()).build();

    private static Map<String, String> query(AuthorizationUrl url) {
        return FormEncoding.decode(url.oauthUrl().getRawQuery());
    }

    @Test
    void defaultsScopeToTheElementsAndStateToItsKey() {
        AuthorizationUrl url = elements.authorizationUrls().authorizationUrl(
                new GetAuthorizationUrlCommand("scripted", "app-1", "https://app.example/cb?a=1&b=2", null, ""));

        assertThat(url.element()).isEqualTo("scripted");
        assertThat(url.oauthUrl().toString()).startsWith("https://login.scripted.invalid/authorize?");
        assertThat(query(url)).containsEntry("client_id", "app-1")
                .containsEntry("redirect_uri", "https://app.example/cb?a=1&b=2")
                .containsEntry("response_type", "code")
                .containsEntry("scope", "read")
                .containsEntry("state", "scripted");
    }

    @Test
    void passesTheApplicationsScopeAndStateAndWorksById() {
        AuthorizationUrl url = elements.authorizationUrls().authorizationUrl(
                new GetAuthorizationUrlCommand("9001", "app-1", "https://app.example/cb", "read write", "x y&z"));

        assertThat(query(url)).containsEntry("scope", "read write").containsEntry("state", "x y&z");
        assertThat(url.oauthUrl().getRawQuery()).doesNotContain(" ");
    }

    @Test
    void namesEveryMissingParameter() {
        assertThatThrownBy(() -> new GetAuthorizationUrlCommand("scripted", null, " ", null, null))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD);
                    assertThat(e.getMessage()).isEqualTo("Missing required fields: apiKey, callbackUrl");
                });
        assertThatThrownBy(() -> new GetAuthorizationUrlCommand("scripted", "a", "not a url", null, null))
                .hasMessageContaining("callbackUrl must be an absolute http or https URL");
    }

    /** The seed's own {@code oauth/url} example: {@code callbackUrl=www.mycoolapp.com/auth}. */
    @Test
    void aCallbackWithoutASchemeIsReadAsHttpsAndOtherSchemesAreStillRefused() {
        assertThat(new GetAuthorizationUrlCommand("scripted", "a", "www.mycoolapp.com/auth", null, null).callbackUrl())
                .isEqualTo("https://www.mycoolapp.com/auth");
        assertThat(new GetAuthorizationUrlCommand("scripted", "a", "http://localhost:3000/cb", null, null)
                .callbackUrl()).isEqualTo("http://localhost:3000/cb");
        assertThatThrownBy(() -> new GetAuthorizationUrlCommand("scripted", "a", "ftp://files.example/cb", null, null))
                .hasMessageContaining("callbackUrl must be an absolute http or https URL");
        assertThatThrownBy(() -> new GetAuthorizationUrlCommand("scripted", "a", "javascript:alert(1)", null, null))
                .hasMessageContaining("callbackUrl must be an absolute http or https URL");
    }

    @Test
    void anUnknownElementIsNotFound() {
        assertThatThrownBy(() -> elements.authorizationUrls().authorizationUrl(
                new GetAuthorizationUrlCommand("nope", "a", "https://app.example/cb", null, null)))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND));
        assertThatThrownBy(() -> elements.elements().element("nope")).isInstanceOf(PlatformException.class);
        assertThat(elements.elements().elements()).extracting(d -> d.key().value()).containsExactly("scripted");
    }
}
