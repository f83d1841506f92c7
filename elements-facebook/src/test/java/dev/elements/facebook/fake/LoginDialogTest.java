package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.Http.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginDialogTest {

    private static final String CALLBACK = "https://elements.test/elements/api-v2/callback";

    private final Http http = new Http();
    private FakeFacebook facebook;
    private FakeApp app;
    private FakeUser ada;

    @BeforeEach
    void start() {
        facebook = FakeFacebook.start();
        app = facebook.registerApp("1234567890", "s3cr3t", CALLBACK);
        ada = facebook.createUser("Ada Lovelace");
    }

    @AfterEach
    void stop() {
        facebook.close();
    }

    @Test
    void redirectsToTheCallbackWithCodeStateAndFragment() {
        HttpResponse<String> response = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK,
                "scope", "email,user_posts", "state", "csrf-42", "response_type", "code")));

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=AQ").endsWith("#_=_");
        Map<String, String> query = Http.queryOf(location);
        assertThat(query).containsOnlyKeys("code", "state").containsEntry("state", "csrf-42");
        assertThat(query.get("code").length()).isGreaterThan(100);
    }

    @Test
    void theCodeCarriesTheGrantedScopesPlusPublicProfileForTheLoggedInUser() {
        FakeUser grace = facebook.createUser("Grace Hopper");
        facebook.loginAs(grace);
        String code = codeFromDialog("email user_posts");

        String token = exchange(code);
        JsonNode permissions = Http.json(http.get(facebook.graphUrl() + "/me/permissions?access_token=" + token));
        JsonNode me = Http.json(http.get(facebook.graphUrl() + "/me?access_token=" + token));

        assertThat(permissionNames(permissions, "granted")).containsExactlyInAnyOrder("email", "user_posts",
                "public_profile");
        assertThat(me.get("id").asText()).isEqualTo(grace.id());
    }

    @Test
    void aDeclinedPermissionIsListedAsDeclined() {
        facebook.declineOnNextLogin("user_photos");
        String token = exchange(codeFromDialog("email,user_photos"));

        JsonNode permissions = Http.json(http.get(facebook.graphUrl() + "/me/permissions?access_token=" + token));

        assertThat(permissionNames(permissions, "granted")).containsExactlyInAnyOrder("email", "public_profile");
        assertThat(permissionNames(permissions, "declined")).containsExactly("user_photos");
    }

    @Test
    void theUserClickingCancelRedirectsWithFacebooksErrorParameters() {
        facebook.denyNextLogin();

        HttpResponse<String> response = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK,
                "scope", "email", "state", "csrf-42")));

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("error_description=Permissions+error");
        assertThat(Http.queryOf(location)).doesNotContainKey("code")
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

        HttpResponse<String> second = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK)));

        assertThat(Http.queryOf(second.headers().firstValue("Location").orElseThrow())).containsKey("code");
    }

    @Test
    void anUnknownClientIdGetsAnErrorPageNotARedirect() {
        HttpResponse<String> response = http.get(dialog(params("client_id", "999", "redirect_uri", CALLBACK,
                "state", "s")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("Invalid App ID");
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageNotARedirect() {
        HttpResponse<String> response = http.get(dialog(params("client_id", app.id(),
                "redirect_uri", "https://attacker.test/steal", "state", "s")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("URL Blocked");
    }

    @Test
    void aRedirectUriMustMatchExactlyNotByPrefix() {
        HttpResponse<String> response = http.get(dialog(params("client_id", app.id(),
                "redirect_uri", CALLBACK + "/../evil")));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void anAppWithoutRegisteredRedirectUrisAcceptsAny() {
        FakeApp open = facebook.registerApp("555", "other-secret");

        HttpResponse<String> response = http.get(dialog(params("client_id", open.id(),
                "redirect_uri", "http://localhost:9999/anything")));

        assertThat(response.statusCode()).isEqualTo(302);
    }

    @Test
    void removedPermissionsShowTheInvalidScopesPage() {
        HttpResponse<String> response = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK,
                "scope", "email,publish_actions")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Invalid Scopes: publish_actions");
    }

    @Test
    void theDialogIsServedWithAnyVersionPrefixAndWithout() {
        String query = "?" + Http.query(params("client_id", app.id(), "redirect_uri", CALLBACK));

        assertThat(http.get(facebook.baseUrl() + "/dialog/oauth" + query).statusCode()).isEqualTo(302);
        assertThat(http.get(facebook.baseUrl() + "/v19.0/dialog/oauth" + query).statusCode()).isEqualTo(302);
        assertThat(http.get(facebook.baseUrl() + "/oauth/authorize" + query).statusCode()).isEqualTo(302);
    }

    @Test
    void aRedirectUriWithItsOwnQueryKeepsIt() {
        String withQuery = "https://elements.test/cb?tenant=7";
        FakeApp other = facebook.registerApp("777", "secret-7", withQuery);

        HttpResponse<String> response = http.get(dialog(params("client_id", other.id(), "redirect_uri", withQuery,
                "state", "x")));

        Map<String, String> query = Http.queryOf(response.headers().firstValue("Location").orElseThrow());
        assertThat(query).containsEntry("tenant", "7").containsEntry("state", "x").containsKey("code");
    }

    private String dialog(Map<String, String> parameters) {
        return facebook.authorizationUrl() + "?" + Http.query(parameters);
    }

    private String codeFromDialog(String scope) {
        HttpResponse<String> response = http.get(dialog(params("client_id", app.id(), "redirect_uri", CALLBACK,
                "scope", scope)));
        return Http.queryOf(response.headers().firstValue("Location").orElseThrow()).get("code");
    }

    private String exchange(String code) {
        HttpResponse<String> response = http.get(facebook.tokenUrl() + "?" + Http.query(params("client_id", app.id(),
                "client_secret", app.secret(), "redirect_uri", CALLBACK, "code", code)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).get("access_token").asText();
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
