package dev.elements.facebook.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Facebook's side of webhooks, received by a small callback server standing in for the platform. */
class WebhooksTest {

    private static final String VERIFY_TOKEN = "meatyhamhock";

    private FakeFacebook facebook;
    private FakeApp app;
    private HttpServer callback;
    private URI callbackUri;
    private final AtomicReference<Received> received = new AtomicReference<>();

    /** What the callback saw, as raw as it came. */
    record Received(String method, Map<String, String> headers, byte[] body, String query) {
    }

    @BeforeEach
    void start() throws IOException {
        facebook = FakeFacebook.start();
        app = facebook.registerApp("1234567890", "s3cr3t");
        callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/events/facebooksocial", this::receive);
        callback.start();
        callbackUri = URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/events/facebooksocial");
    }

    @AfterEach
    void stop() {
        callback.stop(0);
        facebook.close();
    }

    @Test
    void deliveriesAreSignedOverTheRawBytesWithBothHeaders() throws Exception {
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1449135003,\"changes\":[]}]}";

        HttpResponse<String> response = facebook.deliverWebhook(callbackUri, app, body);

        assertThat(response.statusCode()).isEqualTo(200);
        Received delivery = received.get();
        assertThat(delivery.method()).isEqualTo("POST");
        assertThat(delivery.headers().get("content-type")).isEqualTo("application/json");
        assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(delivery.headers().get("x-hub-signature-256"))
                .isEqualTo("sha256=" + hmacHex("HmacSHA256", app.secret(), delivery.body()));
        assertThat(delivery.headers().get("x-hub-signature"))
                .isEqualTo("sha1=" + hmacHex("HmacSHA1", app.secret(), delivery.body()));
    }

    @Test
    void theSigningHelpersMatchAnIndependentHmac() throws Exception {
        byte[] body = "{\"a\":\"\\u00e9\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(FakeWebhooks.signSha256("k", body)).isEqualTo("sha256=" + hmacHex("HmacSHA256", "k", body));
        assertThat(FakeWebhooks.signSha1("k", body)).isEqualTo("sha1=" + hmacHex("HmacSHA1", "k", body));
    }

    @Test
    void payloadsHaveFacebooksShapeAndEscapeNonAscii() throws Exception {
        FakeUser ada = facebook.createUser("Zoë Lovelace");
        FakePage page = facebook.addPage(ada, "Café");
        FakePost post = facebook.addPost(page, "Crème brûlée");
        FakeComment comment = facebook.addComment(post.id(), ada, "Délicieux");

        String json = WebhookPayload.page().feedPostAdded(post).feedCommentAdded(post, comment).toJson();

        assertThat(json).doesNotContain("é").contains("Cr\\u00e8me br\\u00fbl\\u00e9e");
        JsonNode root = Json.MAPPER.readTree(json);
        assertThat(root.get("object").asText()).isEqualTo("page");
        assertThat(root.get("entry")).as("changes to one page share an entry").hasSize(1);
        JsonNode entry = root.get("entry").get(0);
        assertThat(entry.get("id").asText()).isEqualTo(page.id());
        assertThat(entry.get("time").isIntegralNumber()).isTrue();
        assertThat(entry.at("/changes/0/field").asText()).isEqualTo("feed");
        assertThat(entry.at("/changes/0/value/item").asText()).isEqualTo("status");
        assertThat(entry.at("/changes/0/value/post_id").asText()).isEqualTo(post.id());
        assertThat(entry.at("/changes/1/value/item").asText()).isEqualTo("comment");
        assertThat(entry.at("/changes/1/value/comment_id").asText()).isEqualTo(comment.id());
        assertThat(entry.at("/changes/1/value/message").asText()).isEqualTo("Délicieux");
    }

    @Test
    void slashesAreEscapedAsFacebookDoesSoOnlyRawByteVerificationWorks() throws Exception {
        String json = WebhookPayload.page().change("1", facebook.now(), "feed",
                Map.of("link", "https://example.com/a")).toJson();

        assertThat(json).contains("https:\\/\\/example.com\\/a");
        assertThat(Json.MAPPER.readTree(json).at("/entry/0/changes/0/value/link").asText())
                .isEqualTo("https://example.com/a");
    }

    @Test
    void userPayloadsUseTheUserObject() throws Exception {
        FakeUser ada = facebook.createUser("Ada Lovelace");

        JsonNode root = Json.MAPPER.readTree(WebhookPayload.user()
                .change(ada.id(), facebook.now(), "photos", Map.of("verb", "add")).toJson());

        assertThat(root.get("object").asText()).isEqualTo("user");
        assertThat(root.at("/entry/0/id").asText()).isEqualTo(ada.id());
        assertThat(root.at("/entry/0/changes/0/field").asText()).isEqualTo("photos");
    }

    @Test
    void theSubscriptionHandshakeSendsModeChallengeAndVerifyToken() {
        HttpResponse<String> accepted = facebook.verifySubscription(callbackUri, VERIFY_TOKEN, "1158201444");
        Map<String, String> query = QueryStrings.decode(received.get().query());
        HttpResponse<String> refused = facebook.verifySubscription(callbackUri, "wrong", "42");

        assertThat(received.get().method()).isEqualTo("GET");
        assertThat(query).containsEntry("hub.mode", "subscribe").containsEntry("hub.challenge", "1158201444")
                .containsEntry("hub.verify_token", VERIFY_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("1158201444");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void deauthorizationPostsASignedRequestAnAppCanVerify() throws Exception {
        HttpResponse<String> response = facebook.webhooks().deliverDeauthorization(callbackUri, app, "10000000000123");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.get().headers().get("content-type")).isEqualTo("application/x-www-form-urlencoded");
        String form = new String(received.get().body(), StandardCharsets.UTF_8);
        String signedRequest = QueryStrings.decode(form).get("signed_request");
        String[] parts = signedRequest.split("\\.");
        assertThat(parts).hasSize(2);
        assertThat(signedRequest).doesNotContain("=");
        byte[] expected = hmac("HmacSHA256", app.secret(), parts[1].getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[0])).isEqualTo(expected);
        JsonNode payload =
                Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(payload.get("algorithm").asText()).isEqualTo("HMAC-SHA256");
        assertThat(payload.get("user_id").asText()).isEqualTo("10000000000123");
        assertThat(payload.get("issued_at").isIntegralNumber()).isTrue();
    }

    /** The stand-in platform: answers the handshake like Facebook's samples, and 200 to deliveries. */
    private void receive(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getRawQuery();
        received.set(new Received(exchange.getRequestMethod(), headers, body, query));
        int status = 200;
        byte[] answer = new byte[0];
        if (exchange.getRequestMethod().equals("GET")) {
            Map<String, String> parameters = QueryStrings.decode(query);
            boolean valid = "subscribe".equals(parameters.get("hub.mode"))
                    && VERIFY_TOKEN.equals(parameters.get("hub.verify_token"));
            status = valid ? 200 : 403;
            answer = valid ? parameters.get("hub.challenge").getBytes(StandardCharsets.UTF_8) : answer;
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(answer);
            }
        }
        exchange.close();
    }

    private static String hmacHex(String algorithm, String key, byte[] message) throws Exception {
        return HexFormat.of().formatHex(hmac(algorithm, key, message));
    }

    private static byte[] hmac(String algorithm, String key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        return mac.doFinal(message);
    }
}
