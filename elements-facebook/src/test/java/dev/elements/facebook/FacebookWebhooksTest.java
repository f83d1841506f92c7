package dev.elements.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.AccountChanges;
import dev.elements.core.event.EventType;
import dev.elements.core.event.ProviderEvent;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.service.ElementRegistry;
import dev.elements.core.spi.event.ProviderWebhooks;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeComment;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakePost;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.FakeWebhooks;
import dev.elements.facebook.fake.WebhookPayload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The facebooksocial webhooks: the handshake, X-Hub-Signature-256 over the raw bytes, and the entries per account. */
class FacebookWebhooksTest {
    private static final String APP_SECRET = "webhook-app-secret-2f9a";
    private static final String VERIFY_TOKEN = "meatyhamhock";
    /**
     * A new comment on a page's feed, after restfb's fixture {@code json/webhooks/feed-comment-add-211.json}
     * (the comment's {@code created_time} one second after the entry's, to tell which one is read).
     */
    private static final String REFERENCE = """
            {"object":"page","entry":[{"id":"1234567890321","time":1449135003,
              "changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"901097836652708_901098279985997",
               "post_id":"1234567890321_901097836652708","parent_id":"1234567890321_901097836652708",
               "sender_id":1234567890321,"from":{"id":"1234567890321","name":"Tester"},"created_time":1449135004,
               "message":"and the next one"}}]}]}""";

    private final ProviderWebhooks webhooks = new FacebookElementProvider().webhooks().orElseThrow();

    // --- the subscription handshake ---

    @Test
    void theRightVerifyTokenIsAnsweredWithTheBareChallenge() {
        assertThat(webhooks.handshake(handshake("subscribe", VERIFY_TOKEN, "1158201444"), withVerifyToken()))
                .contains("1158201444");
    }

    @Test
    void aWrongOrMissingVerifyTokenOrModeIsRefused() {
        assertThat(webhooks.handshake(handshake("subscribe", "meatyhamhocK", "1158201444"), withVerifyToken()))
                .isEmpty();
        assertThat(webhooks.handshake(handshake("subscribe", VERIFY_TOKEN + "x", "1"), withVerifyToken())).isEmpty();
        assertThat(webhooks.handshake(handshake("subscribe", "", "1"), withVerifyToken())).isEmpty();
        assertThat(webhooks.handshake(handshake("subscribe", null, "1"), withVerifyToken())).isEmpty();
        assertThat(webhooks.handshake(handshake("unsubscribe", VERIFY_TOKEN, "1"), withVerifyToken())).isEmpty();
        assertThat(webhooks.handshake(handshake(null, VERIFY_TOKEN, "1"), withVerifyToken())).isEmpty();
        assertThat(webhooks.handshake(handshake("subscribe", VERIFY_TOKEN, null), withVerifyToken())).isEmpty();
    }

    @Test
    void withoutAConfiguredVerifyTokenNoHandshakePasses() {
        Configuration none = Configuration.of(new FacebookElementProvider().definition().defaults());
        assertThat(webhooks.handshake(handshake("subscribe", "", "1"), none)).isEmpty();
        assertThat(webhooks.handshake(handshake("subscribe", "anything", "1"), none)).isEmpty();
        assertThat(webhooks.handshake(handshake("subscribe", "", "1"), Configuration.of(Map.of(
                FacebookWebhooks.VERIFY_TOKEN, "")))).isEmpty();
    }

    @Test
    void theOperatorSetsTheVerifyTokenAsAMaskedSecretOfItsOwn() {
        var entry = new FacebookElementProvider().definition().configuration().stream()
                .filter(candidate -> candidate.key().equals("event.webhook.verify.token")).findFirst().orElseThrow();
        assertThat(entry.secret()).isTrue();
        assertThat(entry.scope()).isEqualTo(dev.elements.core.element.ConfigurationScope.OPERATOR);
        assertThat(entry.defaultValue()).isNull();

        ElementRegistry registry = new ElementRegistry(List.of(new FacebookElementProvider()),
                OperatorOverrides.fromSettings(Map.of("ELEMENTS_FACEBOOKSOCIAL_EVENT_WEBHOOK_VERIFY_TOKEN",
                        VERIFY_TOKEN)));
        Configuration effective = Configuration.of(registry.find("facebooksocial").orElseThrow().definition()
                .defaults());
        assertThat(webhooks.handshake(handshake("subscribe", VERIFY_TOKEN, "42"), effective)).contains("42");
    }

    // --- X-Hub-Signature-256 ---

    @Test
    void aDeliveryTheFakeFacebookSendsOverHttpIsAuthenticAndReadsAsItsEntries() throws IOException {
        try (FakeFacebook facebook = FakeFacebook.start()) {
            FakeApp app = facebook.registerApp("1234567890", APP_SECRET);
            FakeUser ada = facebook.createUser("Ada Lovelace");
            FakePost post = facebook.addPost(ada, "Caf\u00e9 / na\u00efve");
            WebhookRequest received = receive(uri -> facebook.webhooks().deliverWebhook(uri, app,
                    WebhookPayload.user().feedPostAdded(post)));

            assertThat(webhooks.authentic(received, withAppSecret(APP_SECRET))).isTrue();
            assertThat(webhooks.authentic(received, withAppSecret("another-secret"))).isFalse();
            List<AccountChanges> changes = webhooks.parse(received);
            assertThat(changes).singleElement().satisfies(account -> {
                assertThat(account.accountId()).isEqualTo(ada.id());
                assertThat(account.events()).containsExactly(new ProviderEvent("status", post.id(), EventType.CREATED,
                        Instant.ofEpochSecond(post.createdTime().getEpochSecond())));
                assertThat(account.raw().at("/entry/0/changes/0/value/message").text()).isEqualTo("Caf\u00e9 / na\u00efve");
            });
        }
    }

    @Test
    void onlyTheSignatureOfTheRawBodyWithTheAppSecretIsAuthentic() {
        byte[] body = REFERENCE.getBytes(StandardCharsets.UTF_8);
        String valid = FakeWebhooks.signSha256(APP_SECRET, body);

        assertThat(webhooks.authentic(delivery(body, valid), withAppSecret(APP_SECRET))).isTrue();
        assertThat(webhooks.authentic(delivery(body, "sha256=" + valid.substring(7).toUpperCase(Locale.ROOT)),
                withAppSecret(APP_SECRET))).as("upper-case hex").isTrue();
        byte[] forged = REFERENCE.replace("and the next one", "and a forged one").getBytes(StandardCharsets.UTF_8);
        assertThat(webhooks.authentic(delivery(forged, valid), withAppSecret(APP_SECRET))).as("forged body").isFalse();
        assertThat(webhooks.authentic(delivery(body, FakeWebhooks.signSha256("wrong-secret", body)),
                withAppSecret(APP_SECRET))).as("wrong secret").isFalse();
        assertThat(webhooks.authentic(delivery(body, valid), Configuration.of(Map.of()))).as("no secret").isFalse();
    }

    @Test
    void aMissingOrMalformedSignatureIsNeverAuthentic() {
        byte[] body = REFERENCE.getBytes(StandardCharsets.UTF_8);
        String hex = FakeWebhooks.signSha256(APP_SECRET, body).substring("sha256=".length());
        List<String> malformed = List.of("", hex, "sha1=" + hex, "SHA256=" + hex, "sha256=" + hex.substring(2),
                "sha256=" + hex + "00", "sha256=" + hex.substring(0, 62) + "zz", "sha256= " + hex.substring(1),
                FakeWebhooks.signSha1(APP_SECRET, body));
        for (String header : malformed) {
            assertThat(webhooks.authentic(delivery(body, header), withAppSecret(APP_SECRET))).as(header).isFalse();
        }
        assertThat(webhooks.authentic(delivery(body, null), withAppSecret(APP_SECRET))).as("unsigned").isFalse();
    }

    // --- entries ---

    @Test
    void theReferencePayloadIsACommentCreatedOnThePage() {
        List<AccountChanges> changes = webhooks.parse(delivery(REFERENCE.getBytes(StandardCharsets.UTF_8), null));

        assertThat(changes).singleElement().satisfies(account -> {
            assertThat(account.accountId()).isEqualTo("1234567890321");
            assertThat(account.events()).containsExactly(new ProviderEvent("comment",
                    "901097836652708_901098279985997", EventType.CREATED, Instant.ofEpochSecond(1449135004)));
            assertThat(account.raw()).isEqualTo(Json.parse(REFERENCE));
        });
    }

    @Test
    void verbsItemsIdsAndTimesMapToEvents() {
        String body = """
                {"object":"page","entry":[{"id":"7","time":1449135003,"changes":[
                  {"field":"feed","value":{"item":"photo","verb":"edited","photo_id":"71","post_id":"7_70"}},
                  {"field":"feed","value":{"item":"status","verb":"remove","post_id":"7_72",
                   "created_time":"2015-12-03T09:30:03+0000"}},
                  {"field":"feed","value":{"item":"reaction","verb":"hide","comment_id":"73_74","post_id":"7_73"}},
                  {"field":"feed","value":{"item":"share","verb":"add","share_id":"75","post_id":"7_75"}},
                  {"field":"ratings","value":{"verb":"reshape","id":"76"}},
                  {"field":"name","value":"Ada's page"}]}]}""";

        assertThat(webhooks.parse(delivery(body.getBytes(StandardCharsets.UTF_8), null)).get(0).events())
                .containsExactly(
                        new ProviderEvent("photo", "71", EventType.UPDATED, Instant.ofEpochSecond(1449135003)),
                        new ProviderEvent("status", "7_72", EventType.DELETED, Instant.parse("2015-12-03T09:30:03Z")),
                        new ProviderEvent("reaction", "73_74", EventType.DELETED, Instant.ofEpochSecond(1449135003)),
                        new ProviderEvent("share", "75", EventType.CREATED, Instant.ofEpochSecond(1449135003)),
                        new ProviderEvent("ratings", "76", EventType.UNKNOWN, Instant.ofEpochSecond(1449135003)),
                        new ProviderEvent("name", null, EventType.UNKNOWN, Instant.ofEpochSecond(1449135003)));
    }

    @Test
    void changedFieldsOfTheOldUserSubscriptionsAreUpdatesOfTheUser() {
        String body = """
                {"object":"user","entry":[{"uid":"10","id":"10","time":1232313477,
                  "changed_fields":["friends","photos"]}]}""";

        assertThat(webhooks.parse(delivery(body.getBytes(StandardCharsets.UTF_8), null)).get(0).events())
                .containsExactly(
                        new ProviderEvent("friends", "10", EventType.UPDATED, Instant.ofEpochSecond(1232313477)),
                        new ProviderEvent("photos", "10", EventType.UPDATED, Instant.ofEpochSecond(1232313477)));
    }

    @Test
    void entriesOfTwoAccountsAreSplitAndEachRawHoldsOnlyItsOwn() {
        FakePost adas = new FakePost("10_1", "10", "10", "Ada", "Ada's", null, Instant.ofEpochSecond(1_700_000_000));
        FakePost bobs = new FakePost("20_2", "20", "20", "Bob", "Bob's", null, Instant.ofEpochSecond(1_700_000_001));
        FakeComment onAdas = new FakeComment("1_3", "10_1", "20", "Bob", "Hi Ada", Instant.ofEpochSecond(1_700_000_002));
        String body = WebhookPayload.page().feedPostAdded(adas).feedPostAdded(bobs).feedCommentAdded(adas, onAdas)
                .toJson();

        List<AccountChanges> changes = webhooks.parse(delivery(body.getBytes(StandardCharsets.UTF_8), null));

        assertThat(changes).extracting(AccountChanges::accountId).containsExactly("10", "20");
        AccountChanges ada = changes.get(0);
        assertThat(ada.events()).extracting(ProviderEvent::objectId).containsExactly("10_1", "1_3");
        assertThat(ada.raw().path("object").text()).isEqualTo("page");
        assertThat(ada.raw().toJson()).contains("Ada's", "Hi Ada").doesNotContain("Bob's", "20_2");
        AccountChanges bob = changes.get(1);
        assertThat(bob.events()).extracting(ProviderEvent::objectId).containsExactly("20_2");
        assertThat(bob.raw().toJson()).contains("Bob's").doesNotContain("Ada's", "Hi Ada");
    }

    @Test
    void aBodyThatIsNoDeliveryOrTooLargeAOneIsMalformed() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i <= WebhookDelivery.MAX_ENTRIES; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"changes\":[]}");
        }
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i <= WebhookDelivery.MAX_CHANGES_PER_ENTRY; i++) {
            changes.append(i == 0 ? "" : ",").append("{\"field\":\"feed\",\"value\":{}}");
        }
        List<String> bodies = List.of("", "not json", "[]", "{\"object\":\"page\"}", "{\"entry\":{}}",
                "{\"entry\":[{\"time\":1}]}", "{\"entry\":[\"1\"]}", "{\"entry\":[" + entries + "]}",
                "{\"entry\":[{\"id\":\"1\",\"changes\":[" + changes + "]}]}");
        for (String body : bodies) {
            assertThatThrownBy(() -> webhooks.parse(delivery(body.getBytes(StandardCharsets.UTF_8), null)))
                    .as(body.length() > 40 ? body.substring(0, 40) : body)
                    .isInstanceOfSatisfying(PlatformException.class,
                            refused -> assertThat(refused.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST))
                    .hasMessageContaining("not a Facebook webhook delivery");
        }
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < WebhookDelivery.MAX_ENTRIES; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i % 10).append("\",\"changes\":[]}");
        }
        List<AccountChanges> changes = webhooks.parse(delivery(("{\"object\":\"page\",\"entry\":[" + entries + "]}")
                .getBytes(StandardCharsets.UTF_8), null));
        assertThat(changes).hasSize(10);
        assertThat(changes.get(0).raw().path("entry")).isInstanceOfSatisfying(dev.elements.core.json.JsonArray.class,
                own -> assertThat(own.size()).isEqualTo(WebhookDelivery.MAX_ENTRIES / 10));
    }

    private static WebhookRequest handshake(String mode, String token, String challenge) {
        Map<String, List<String>> query = new HashMap<>();
        if (mode != null) {
            query.put("hub.mode", List.of(mode));
        }
        if (token != null) {
            query.put("hub.verify_token", List.of(token));
        }
        if (challenge != null) {
            query.put("hub.challenge", List.of(challenge));
        }
        return new WebhookRequest(null, Map.of(), query);
    }

    private static WebhookRequest delivery(byte[] body, String signature) {
        return new WebhookRequest(body, signature == null ? Map.of() : Map.of("X-Hub-Signature-256", signature),
                Map.of());
    }

    private static Configuration withVerifyToken() {
        Map<String, String> values = new HashMap<>(new FacebookElementProvider().definition().defaults());
        values.put(FacebookWebhooks.VERIFY_TOKEN, VERIFY_TOKEN);
        return Configuration.of(values);
    }

    private static Configuration withAppSecret(String appSecret) {
        return Configuration.of(Map.of("oauth.api.key", "1234567890", "oauth.api.secret", appSecret));
    }

    /** What a loopback callback received from {@code send}: the raw body and the headers, as the platform hands them over. */
    private static WebhookRequest receive(java.util.function.Consumer<URI> send) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<WebhookRequest> received = new AtomicReference<>();
        server.createContext("/events/facebooksocial", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.set(new WebhookRequest(exchange.getRequestBody().readAllBytes(), headers, Map.of()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            send.accept(URI.create("http://" + server.getAddress().getHostString() + ":"
                    + server.getAddress().getPort() + "/events/facebooksocial"));
        } finally {
            server.stop(0);
        }
        return received.get();
    }
}
