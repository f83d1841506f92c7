package dev.elements.app.events;

import static dev.elements.app.events.EventsServer.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.FakeWebhooks;
import dev.elements.facebook.fake.WebhookPayload;
import dev.elements.testing.CallbackReceiver.Received;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Facebook's webhooks into the platform and the signed notifications out of it, over real HTTP:
 * the fake Facebook subscribes and signs, the application's callback receives.
 */
class FacebookWebhooksTest {
    @RegisterExtension
    final EventsServer events = new EventsServer();

    private FakeUser ada;

    @BeforeEach
    void start() {
        events.start();
        ada = events.facebook.createUser("Ada Lovelace");
    }

    @Test
    void theSubscriptionHandshakeAnswersTheBareChallengeOnlyToTheOperatorsVerifyToken() throws Exception {
        FakeWebhooks facebook = events.facebook.webhooks();

        HttpResponse<String> right = facebook.verifySubscription(events.webhooks(), EventsServer.VERIFY_TOKEN,
                "challenge-1158201444");
        HttpResponse<String> wrong = facebook.verifySubscription(events.webhooks(), "not-the-token",
                "challenge-2");
        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                events.webhooks("?hub.mode=subscribe&hub.challenge=challenge-3")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("challenge-1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).doesNotContain("challenge-2");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).doesNotContain("challenge-3");
    }

    @Test
    void aForgedOrUnsignedDeliveryIs401AndStoresNothing() throws Exception {
        long id = events.provision(ada, events.receiver.url("/hooks/ada"), null);
        byte[] body = WebhookPayload.user().feedPostAdded(events.facebook.addPost(ada, "forged")).toJson()
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> forged = post(body, FakeWebhooks.signSha256("not-the-app-secret", body));
        HttpResponse<String> unsigned = post(body, null);
        HttpResponse<String> signedOtherBytes = post(body, FakeWebhooks.signSha256(events.app.secret(),
                "{\"object\":\"user\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8)));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(signedOtherBytes.statusCode()).isEqualTo(401);
        assertThat(events.events(id)).isEmpty();
        // The same bytes, rightly signed, are accepted: the refusals above were the signatures'.
        assertThat(post(body, FakeWebhooks.signSha256(events.app.secret(), body)).statusCode()).isEqualTo(200);
        assertThat(events.events(id)).hasSize(1);
    }

    @Test
    void oneBatchedDeliveryReachesTheRightInstanceOfEachOrganizationWithOnlyItsOwnEntry() {
        FakeUser grace = events.facebook.createUser("Grace Hopper");
        TestHttpClient other = events.secondOrganization();
        long adaInstance = events.provision(ada, events.receiver.url("/hooks/ada"), null);
        long graceInstance = events.provision(other, grace, events.receiver.url("/hooks/grace"), null, Map.of());
        FakePost adaPost = events.facebook.addPost(ada, "Notes on the analytical engine");
        FakePost gracePost = events.facebook.addPost(grace, "A bug in the relay");
        String batch = WebhookPayload.user().feedPostAdded(adaPost).feedPostAdded(gracePost)
                .change("1000000000999", events.facebook.now(), "feed", Map.of("item", "status", "verb", "add",
                        "post_id", "1000000000999_1"))
                .toJson();

        HttpResponse<String> answer = events.deliver(batch);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        events.receiver.awaitAccepted(2, DEADLINE);
        List<Received> toAda = events.receiver.receivedOn("/hooks/ada");
        List<Received> toGrace = events.receiver.receivedOn("/hooks/grace");
        assertThat(toAda).hasSize(1);
        assertThat(toGrace).hasSize(1);
        assertNotification(toAda.get(0), adaInstance, adaPost);
        assertNotification(toGrace.get(0), graceInstance, gracePost);
        assertThat(EventsServer.events(other, graceInstance)).hasSize(1);
        assertThat(other.get("/instances/" + adaInstance + "/events").status())
                .as("another organization's instance").isEqualTo(404);
    }

    @Test
    void theNotificationCarriesTheEventsAndTheRawEntryAndIsSignedWithTheInstancesKey() throws Exception {
        String signatureKey = "ada-signature-key-4f6a8c0e";
        long id = events.provision(ada, events.receiver.url("/hooks/ada"), signatureKey);
        FakePost post = events.facebook.addPost(ada, "Caf\u00e9 notes / the engine");
        String sent = WebhookPayload.user().feedPostAdded(post).toJson();

        assertThat(events.deliver(sent).statusCode()).isEqualTo(200);

        Received notification = events.receiver.awaitAccepted(1, DEADLINE).get(0);
        assertThat(notification.method()).isEqualTo("POST");
        assertThat(notification.header("Content-Type")).startsWith("application/json");
        assertThat(notification.header("Elements-Webhook-Signature"))
                .isEqualTo("sha256=" + hmacBase64(signatureKey, notification.body()));
        JsonNode body = assertNotification(notification, id, post);
        assertThat(notification.header("Elements-Event-Id")).isEqualTo(body.path("eventId").asText());
        assertThat(body.path("message").path("raw")).isEqualTo(EventsServer.json(sent));
        JsonNode listed = events.awaitOnlyEvent(id, "the event listed as delivered",
                event -> event.path("state").asText().equals("DELIVERED"));
        assertThat(listed.path("id").asText()).isEqualTo(body.path("eventId").asText());
        assertThat(listed.path("attempts").asInt()).isEqualTo(1);
        assertThat(listed.path("notification")).isEqualTo(body);
        assertThat(EventsServer.date(listed.path("deliveredDate"))).isEqualTo(events.clock.instant());
    }

    /** Asserts the notification's shape, for one new post of one instance, and returns its body. */
    private static JsonNode assertNotification(Received notification, long instanceId, FakePost post) {
        JsonNode body = EventsServer.json(notification.text());
        assertThat(body.path("eventId").asText()).isNotBlank();
        assertThat(body.path("instanceId").asLong()).isEqualTo(instanceId);
        assertThat(body.path("elementKey").asText()).isEqualTo("facebooksocial");
        JsonNode event = body.path("message").path("events").get(0);
        assertThat(body.path("message").path("events")).hasSize(1);
        assertThat(event.path("objectType").asText()).isNotBlank();
        assertThat(event.path("objectId").asText()).isEqualTo(post.id());
        assertThat(event.path("eventType").asText()).isEqualTo("CREATED");
        assertThat(event.path("elementKey").asText()).isEqualTo("facebooksocial");
        assertThat(event.path("eventDate").asText()).isNotBlank();
        JsonNode entries = body.path("message").path("raw").path("entry");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("id").asText()).isEqualTo(post.ownerId());
        return body;
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(events.webhooks())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String hmacBase64(String key, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
