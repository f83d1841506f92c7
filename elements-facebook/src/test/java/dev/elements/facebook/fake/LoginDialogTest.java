package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.QueryStrings.params;
import static dev.elements.facebook.fake.QueryStrings.queryOf;
import static dev.elements.testing.TestHttpClient.formEncoded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginDialogTest extends FakeFacebookFixture {

    private static final String CALLBACK = "https://elements.test/elements/api-v2/callback";

    LoginDialogTest() {
        super(CALLBACK);
    }

    @Test
    void redirectsToTheCallbackWithCodeStateAndFragment() {
        TestResponse response = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK,
                "scope", "email,user_posts", "state", "csrf-42", "response_type", "code")));

        assertThat(response.status()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=AQ").endsWith("#_=_");
        Map<String, String> query = queryOf(location);
        assertThat(query).containsOnlyKeys("code", "state").containsEntry("state", "csrf-42");
        assertThat(query.get("code").length()).isGreaterThan(100);
    }

    @Test
    void theCodeCarriesTheGrantedScopesPlusPublicProfileForTheLoggedInUser() {
        FakeUser grace = facebook.createUser("Grace Hopper");
        facebook.loginAs(grace);
        String code = codeFromDialog("email user_posts");

        String token = exchange(code);
        JsonNode permissions = http.get(facebook.graphUrl() + "/me/permissions?access_token=" + token).json();
        JsonNode me = http.get(facebook.graphUrl() + "/me?access_token=" + token).json();

        assertThat(permissionNames(permissions, "granted")).containsExactlyInAnyOrder("email", "user_posts",
                "public_profile");
        assertThat(me.get("id").asText()).isEqualTo(grace.id());
    }

    @Test
    void aDeclinedPermissionIsListedAsDeclined() {
        facebook.declineOnNextLogin("user_photos");
        String token = exchange(codeFromDialog("email,user_photos"));

        JsonNode permissions = http.get(facebook.graphUrl() + "/me/permissions?access_token=" + token).json();

        assertThat(permissionNames(permissions, "granted")).containsExactlyInAnyOrder("email", "public_profile");
        assertThat(permissionNames(permissions, "declined")).containsExactly("user_photos");
    }

    @Test
    void theUserClickingCancelRedirectsWithFacebooksErrorParameters() {
        facebook.denyNextLogin();

        TestResponse response = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK,
                "scope", "email", "state", "csrf-42")));

        assertThat(response.status()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("error_description=Permissions+error");
        assertThat(queryOf(location)).doesNotContainKey("code")
                .containsEntry("error", "access_denied")
                .containsEntry("error_code", "200")
                .containsEntry("error_description", "Permissions error")
                .containsEntry("error_reason", "user_denied")
                .containsEntry("state", "csrf-42");
    }

    @Test
    void onlyTheNextLoginIsDenied() {
        facebook.denyNextLogin();
        http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK)));

        TestResponse second = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK)));

        assertThat(queryOf(second.headers().firstValue("Location").orElseThrow())).containsKey("code");
    }

    @Test
    void anUnknownClientIdGetsAnErrorPageNotARedirect() {
        TestResponse response = http.get(dialog(params("client_id", "999", "redirect_uri", CALLBACK,
                "state", "s")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("Invalid App ID");
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageNotARedirect() {
        TestResponse response = http.get(dialog(params("client_id", app.id(),
                "redirect_uri", "https://attacker.test/steal", "state", "s")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("URL Blocked");
    }

    @Test
    void aRedirectUriMustMatchExactlyNotByPrefix() {
        TestResponse response = http.get(dialog(params("client_id", app.id(),
                "redirect_uri", CALLBACK + "/../evil")));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void anAppWithoutRegisteredRedirectUrisAcceptsAny() {
        FakeApp open = facebook.registerApp("555", "other-secret");

        TestResponse response = http.get(dialog(params("client_id", open.id(),
                "redirect_uri", "http://localhost:9999/anything")));

        assertThat(response.status()).isEqualTo(302);
    }

    @Test
    void removedPermissionsShowTheInvalidScopesPage() {
        TestResponse response = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK,
                "scope", "email,publish_actions")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Invalid Scopes: publish_actions");
    }

    @Test
    void theDialogIsServedWithAnyVersionPrefixAndWithout() {
        String query = "?" + formEncoded(params("client_id", app.id(), "redirect_uri", CALLBACK));

        assertThat(http.get(facebook.baseUrl() + "/dialog/oauth" + query).status()).isEqualTo(302);
        assertThat(http.get(facebook.baseUrl() + "/v19.0/dialog/oauth" + query).status()).isEqualTo(302);
        assertThat(http.get(facebook.baseUrl() + "/oauth/authorize" + query).status()).isEqualTo(302);
    }

    @Test
    void aRedirectUriWithItsOwnQueryKeepsIt() {
        String withQuery = "https://elements.test/cb?tenant=7";
        FakeApp other = facebook.registerApp("777", "secret-7", withQuery);

        TestResponse response = http.get(dialog(params("client_id", other.id(), "redirect_uri", withQuery,
                "state", "x")));

        Map<String, String> query = queryOf(response.headers().firstValue("Location").orElseThrow());
        assertThat(query).containsEntry("tenant", "7").containsEntry("state", "x").containsKey("code");
    }

    private String dialog(Map<String, String> parameters) {
        return facebook.authorizationUrl() + "?" + formEncoded(parameters);
    }

    private String codeFromDialog(String scope) {
        TestResponse response = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK,
                "scope", scope)));
        return queryOf(response.headers().firstValue("Location").orElseThrow()).get("code");
    }

    private String exchange(String code) {
        TestResponse response = http.get(facebook.tokenUrl() + "?" + formEncoded(params("client_id", app.id(),
                "client_secret", app.secret(), "redirect_uri", CALLBACK, "code", code)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    private static List<String> permissionNames(JsonNode permissions, String status) {
        List<String> names = new ArrayList<>();
        permissions.get("data").forEach(row -> {
            if (row.get("status").asText().equals(status)) {
                names.add(row.get("permission").asText());
            }
        });
        return names;
    }
}
