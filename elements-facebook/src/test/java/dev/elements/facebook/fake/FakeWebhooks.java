package dev.elements.facebook.fake;

import dev.elements.core.fake.oauth2.FakeClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facebook's side of webhooks and app callbacks: the subscription handshake, signed deliveries, and the
 * {@code signed_request} posts of the deauthorize and data deletion callbacks. Everything goes over real HTTP to the
 * callback URL the test names (normally the platform under test, on loopback).
 */
public final class FakeWebhooks {

    private final HttpClient client;
    private final FakeClock clock;

    FakeWebhooks(FakeClock clock) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), clock);
    }

    FakeWebhooks(HttpClient client, FakeClock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** {@code X-Hub-Signature-256}: {@code sha256=} and lowercase hex HMAC-SHA256 of the raw body with the app secret. */
    public static String signSha256(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(appSecret, body));
    }

    /** {@code X-Hub-Signature}, the legacy header Facebook still sends: {@code sha1=} and hex HMAC-SHA1. */
    public static String signSha1(String appSecret, byte[] body) {
        return "sha1=" + HexFormat.of().formatHex(Hmac.sha1(appSecret, body));
    }

    /**
     * A {@code signed_request}: {@code base64url(signature) + "." + base64url(payload)} without padding, the signature
     * being HMAC-SHA256 with the app secret over the encoded payload as sent. {@code algorithm} and {@code issued_at}
     * are added to the payload when missing.
     */
    public String signedRequest(String appSecret, Map<String, Object> payload) {
        Map<String, Object> complete = new LinkedHashMap<>();
        complete.put("algorithm", "HMAC-SHA256");
        complete.put("issued_at", clock.now().getEpochSecond());
        complete.putAll(payload);
        try {
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            String encodedPayload = encoder.encodeToString(Json.MAPPER.writeValueAsBytes(complete));
            byte[] signature = Hmac.sha256(appSecret, encodedPayload.getBytes(StandardCharsets.US_ASCII));
            return encoder.encodeToString(signature) + "." + encodedPayload;
        } catch (JsonProcessingException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /**
     * POSTs a webhook delivery: {@code Content-Type: application/json}, signed with both {@code X-Hub-Signature-256}
     * and {@code X-Hub-Signature} over the exact bytes sent.
     */
    public HttpResponse<String> deliverWebhook(URI callback, FakeApp app, String jsonBody) {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(callback)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "facebookexternalua")
                .header("X-Hub-Signature-256", signSha256(app.secret(), body))
                .header("X-Hub-Signature", signSha1(app.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request);
    }

    /** The same, for a payload built with {@link WebhookPayload}. */
    public HttpResponse<String> deliverWebhook(URI callback, FakeApp app, WebhookPayload payload) {
        return deliverWebhook(callback, app, payload.toJson());
    }

    /**
     * The subscription handshake: {@code GET callback?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…}. The
     * callback passes when it answers 200 with exactly the challenge as body.
     */
    public HttpResponse<String> verifySubscription(URI callback, String verifyToken, String challenge) {
        String query = "hub.mode=subscribe&hub.challenge=" + QueryStrings.encode(challenge) + "&hub.verify_token="
                + QueryStrings.encode(verifyToken);
        String base = callback.toString();
        URI target = URI.create(base + (base.contains("?") ? "&" : "?") + query);
        return send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "facebookplatform/1.0 (+http://developers.facebook.com)").GET().build());
    }

    /** The deauthorize callback: a form POST with {@code signed_request} naming the user who removed the app. */
    public HttpResponse<String> deliverDeauthorization(URI callback, FakeApp app, String userId) {
        return postSignedRequest(callback, app, userId);
    }

    /**
     * The data deletion callback: the same form POST; the app must answer JSON
     * {@code {"url":"…","confirmation_code":"…"}}.
     */
    public HttpResponse<String> requestDataDeletion(URI callback, FakeApp app, String userId) {
        return postSignedRequest(callback, app, userId);
    }

    private HttpResponse<String> postSignedRequest(URI callback, FakeApp app, String userId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("user_id", userId);
        String form = "signed_request=" + QueryStrings.encode(signedRequest(app.secret(), payload));
        return send(HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new UncheckedIOException("Could not reach " + request.uri(), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), interrupted);
        }
    }
}
