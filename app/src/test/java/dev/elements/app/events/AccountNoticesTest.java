package dev.elements.app.events;

import static dev.elements.app.events.EventsServer.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.service.CredentialVault;
import dev.elements.app.journey.Canaries;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.WebhookPayload;
import dev.elements.persistence.PersistenceStore;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Facebook's deauthorize and data deletion callbacks, signed with the app secret as {@code signed_request}. */
class AccountNoticesTest {
    private static final byte[] MASTER_KEY = "events-test-master-key-32-bytes!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String MASTER_KEY_SETTING = Base64.getEncoder().encodeToString(MASTER_KEY);

    @RegisterExtension
    final EventsServer events = new EventsServer().with(Map.of("ELEMENTS_MASTER_KEY", MASTER_KEY_SETTING));

    private FakeUser ada;
    private FakeUser grace;
    private long adaInstance;
    private long graceInstance;

    @BeforeEach
    void start() {
        events.start();
        ada = events.facebook.createUser("Ada Lovelace");
        grace = events.facebook.createUser("Grace Hopper");
        adaInstance = events.provision(ada, events.receiver.url("/hooks/ada"), null);
        graceInstance = events.provision(grace, events.receiver.url("/hooks/grace"), null);
    }

    @Test
    void theUserRemovingTheAppTurnsTheirInstancesToNeedsReauthAndNoOtherOne() {
        HttpResponse<String> answer = events.facebook.webhooks().deliverDeauthorization(
                events.webhooks("/deauthorize"), events.app, ada.id());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(status(adaInstance)).isEqualTo("NEEDS_REAUTH");
        assertThat(status(graceInstance)).isEqualTo("ACTIVE");
    }

    @Test
    void aForgedDeauthorizationIs401AndChangesNothing() {
        String forged = events.facebook.webhooks().signedRequest("not-the-app-secret", Map.of("user_id", ada.id()));
        TestHttpClient facebook = TestHttpClient.at(events.webhooks().toString());

        TestResponse deauthorize = facebook.postForm("/deauthorize", Map.of("signed_request", forged));
        TestResponse deleteData = facebook.postForm("/data-deletion", Map.of("signed_request", forged));
        TestResponse missing = facebook.postForm("/deauthorize", Map.of("other", "x"));

        assertThat(deauthorize.status()).isEqualTo(401);
        assertThat(deleteData.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(status(adaInstance)).isEqualTo("ACTIVE");
    }

    @Test
    void aDataDeletionRemovesTheStoredProviderTokensAndEventsAndItsStatusPageSaysSo() {
        assertThat(events.deliver(WebhookPayload.user().feedPostAdded(events.facebook.addPost(ada, "soon deleted"))
                .toJson()).statusCode()).isEqualTo(200);
        events.receiver.awaitAccepted(1, DEADLINE);
        List<String> adaTokens = events.facebook.tokensOf(ada);
        assertThat(adaTokens).isNotEmpty();
        assertThat(storedTokensWhileStopped(adaInstance).accessToken()).isIn(adaTokens);

        HttpResponse<String> answer = events.facebook.webhooks().requestDataDeletion(
                events.webhooks("/data-deletion"), events.app, ada.id());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode deletion = EventsServer.json(answer.body());
        String code = deletion.path("confirmation_code").asText();
        assertThat(code).matches("[0-9a-f]{32}");
        String url = deletion.path("url").asText();
        assertThat(url).startsWith("http://127.0.0.1:" + events.server().port() + "/")
                .endsWith("/events/facebooksocial/data-deletion/" + code);
        TestHttpClient page = TestHttpClient.at(url);
        TestResponse html = page.get("");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).doesNotContain(ada.id()).doesNotContain("<script src").doesNotContain("https://");
        TestResponse json = page.withHeader("Accept", "application/json").get("");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("instancesCleared").asInt()).isEqualTo(1);
        assertThat(json.json().path("eventsDeleted").asInt()).isEqualTo(1);
        assertThat(TestHttpClient.at(url.substring(0, url.length() - code.length())).get("0".repeat(32)).status())
                .isEqualTo(404);

        assertThat(status(adaInstance)).isEqualTo("NEEDS_REAUTH");
        assertThat(status(graceInstance)).isEqualTo("ACTIVE");
        assertThat(events.events(adaInstance)).isEmpty();
        TokenSet stored = storedTokensWhileStopped(adaInstance);
        assertThat(stored.accessToken()).isNotIn(adaTokens);
        assertThat(stored.refreshTokenIfAny().orElse("")).isNotIn(adaTokens);
        for (String token : adaTokens) {
            assertThat(Canaries.filesContaining(events.dataDirectory(), token)).as("files holding a token").isEmpty();
        }
        assertThat(storedTokensWhileStopped(graceInstance).accessToken())
                .isEqualTo(events.facebook.latestTokenOf(grace).orElseThrow());
    }

    private String status(long instance) {
        return events.api().get("/instances/" + instance).json().path("status").asText();
    }

    /** The instance's provider tokens as stored, read with the server's key while it is stopped, as a third party would. */
    private TokenSet storedTokensWhileStopped(long instance) {
        events.stop();
        try (PersistenceStore store = PersistenceStore.open(PersistenceStore.h2FileUrl(events.dataDirectory()), null,
                null, MASTER_KEY)) {
            Instance stored = store.instances().findById(new InstanceId(instance)).orElseThrow();
            return new CredentialVault(store.credentialCipher()).open(stored).tokens();
        } finally {
            events.start();
        }
    }
}
