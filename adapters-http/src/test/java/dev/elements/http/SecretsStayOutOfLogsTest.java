package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.tenant.SecretGenerator;
import dev.elements.testing.LogCapture;
import dev.elements.testing.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full provisioning journey with canary secrets, and no canary in any log line. */
class SecretsStayOutOfLogsTest {
    private static final SecretGenerator SECRETS = new SecretGenerator();

    @Test
    void noSecretIsEverLogged() {
        String apiSecret = "apisecret-" + SECRETS.newSecret();
        String code = "code-" + SECRETS.newSecret();
        String refusedCode = "refusedcode-" + SECRETS.newSecret();
        String inMalformedBody = "malformed-" + SECRETS.newSecret();
        String inGarbledHeader = "garbled-" + SECRETS.newSecret();
        List<String> canaries = new ArrayList<>();
        List<String> lines;

        try (LogCapture capture = new LogCapture(); ApiServer server = ApiServer.start()) {
            canaries.addAll(List.of(server.userSecret, server.organizationSecret, apiSecret, code, refusedCode,
                    inMalformedBody, inGarbledHeader));
            String elements = "/elements/api-v2/elements/scripted";
            String callback = URLEncoder.encode("https://app.example/callback", StandardCharsets.UTF_8);

            assertThat(server.get(elements + "/oauth/url?apiKey=app&apiSecret=" + apiSecret + "&callbackUrl=" + callback,
                    null).status()).isEqualTo(200);
            assertThat(server.postJson(elements + "/oauth/url", null, "{\"apiKey\": \"app\", \"apiSecret\": \""
                    + apiSecret + "\", \"callbackUrl\": \"https://app.example/callback\"}").status()).isEqualTo(200);

            server.provider.accept(code, "provider-user");
            TestResponse created = server.postJson("/elements/api-v2/instances", server.auth(),
                    provisionBody(code, apiSecret));
            assertThat(created.status()).isEqualTo(200);
            JsonNode instance = created.json();
            String token = instance.path("token").asText();
            canaries.add(token);
            assertThat(server.get("/elements/api-v2/instances/" + instance.path("id").asLong(), server.auth())
                    .status()).isEqualTo(200);

            server.provider.failNext(ProviderErrorClass.INVALID_GRANT, "Code was refused");
            assertThat(server.postJson("/elements/api-v2/instances", server.auth(), provisionBody(refusedCode,
                    apiSecret)).status()).isEqualTo(400);
            server.provider.failNext(ProviderErrorClass.TRANSIENT, "Down");
            assertThat(server.postJson("/elements/api-v2/instances", server.auth(), provisionBody(refusedCode,
                    apiSecret)).status()).isEqualTo(502);
            assertThat(server.postJson("/elements/api-v2/instances", server.auth(), "{\"name\": " + inMalformedBody
                    + "}").status()).isEqualTo(400);
            assertThat(server.get("/elements/api-v2/elements", inGarbledHeader).status()).isEqualTo(401);
            assertThat(server.get("/elements/api-v2/elements", "User " + inGarbledHeader + ", Organization "
                    + server.organizationSecret).status()).isEqualTo(401);

            lines = capture.lines();
        }

        assertThat(lines).as("the capture works").anyMatch(line -> line.contains("RequestLog")
                && line.contains("POST /elements/api-v2/instances 200") && line.matches("(?s).*requestId=[0-9a-f]{24}.*"));
        assertThat(lines).as("core's java.util.logging lines are captured too")
                .anyMatch(line -> line.contains("Provisioned instance"));
        for (String canary : canaries) {
            assertThat(lines).as("no log line contains a secret").noneMatch(line -> line.contains(canary));
        }
    }

    private static String provisionBody(String code, String apiSecret) {
        return """
                {"element": {"key": "scripted"}, "providerData": {"code": "%s"},
                 "configuration": {"oauth.api.key": "app", "oauth.api.secret": "%s",
                                   "oauth.callback.url": "https://app.example/callback"}}"""
                .formatted(code, apiSecret);
    }
}
