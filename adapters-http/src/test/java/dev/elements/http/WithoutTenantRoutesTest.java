package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.Elements;
import dev.elements.core.testing.ScriptedElementProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The deprecated constructor, kept for hosts not yet wiring ManageTenantsUseCase, serves all but those routes. */
class WithoutTenantRoutesTest {

    @Test
    @SuppressWarnings("removal")
    void organizationAndUserRoutesAreAbsentAndTheRestIsServed() throws Exception {
        Elements elements = Elements.builder().inMemory().provider(new ScriptedElementProvider()).build();
        elements.bootstrap().createFirstIfEmpty("organization-secret", "user-secret");
        HttpApi api = new HttpApi(elements.elements(), elements.authorizationUrls(), elements.provisioning(),
                elements.instances(), elements.authentication(), elements.health(), HttpApiSettings.defaults());
        int port = api.start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port + HttpApi.BASE_PATH;
            String authorization = "User user-secret, Organization organization-secret";

            HttpResponse<String> users = client.send(HttpRequest.newBuilder(URI.create(base + "/users"))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> instances = client.send(HttpRequest.newBuilder(URI.create(base + "/instances"))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(users.statusCode()).isEqualTo(404);
            assertThat(instances.statusCode()).isEqualTo(200);
            assertThat(api.routes()).extracting(HttpApi.Route::path)
                    .noneMatch(path -> path.contains("/users") || path.contains("/organizations"));
        } finally {
            api.stop();
        }
    }
}
