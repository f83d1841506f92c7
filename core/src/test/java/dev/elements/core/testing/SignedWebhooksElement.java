package dev.elements.core.testing;

import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationScope;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ValueFormat;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.AccountChanges;
import dev.elements.core.event.EventType;
import dev.elements.core.event.ProviderEvent;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.spi.event.AccountNotices;
import dev.elements.core.spi.event.ProviderWebhooks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The scripted element with provider webhooks and account notices signed the way Facebook signs
 * them, with a real HMAC-SHA256 of each instance's {@code oauth.api.secret}: deliveries carry
 * {@code X-Hub-Signature-256: sha256=<hex>} over the raw body, notices are {@code
 * base64url(signature).base64url(payload)}. OAuth is the scripted provider's. Deliveries are
 * {@code {"object": ..., "entry": [{"id": <account>, "time": <seconds>, "changes": [{"field": ...,
 * "value": {"item", "verb", "post_id"}}]}]}}.
 */
public final class SignedWebhooksElement implements ElementProvider, ProviderWebhooks, AccountNotices {
    public static final String VERIFY_TOKEN_KEY = "event.webhook.verify.token";
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final ScriptedElementProvider oauth;

    public SignedWebhooksElement(ScriptedElementProvider oauth) {
        this.oauth = oauth;
    }

    @Override
    public ElementDefinition definition() {
        return oauth.definition().withEntriesIfAbsent(List.of(new ConfigurationEntry(VERIFY_TOKEN_KEY,
                "Webhook verify token", "What the provider's subscription handshake must present", null,
                ConfigurationType.PASSWORD, false, true, ConfigurationScope.OPERATOR, ValueFormat.TEXT)));
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
        return oauth.authorizationUrl(request, configuration);
    }

    @Override
    public TokenSet exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context) {
        return oauth.exchangeCode(code, configuration, context);
    }

    @Override
    public TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
        return oauth.renew(current, configuration, context);
    }

    @Override
    public Optional<ProviderWebhooks> webhooks() {
        return Optional.of(this);
    }

    @Override
    public Optional<AccountNotices> accountNotices() {
        return Optional.of(this);
    }

    @Override
    public Optional<String> handshake(WebhookRequest request, Configuration configuration) {
        Optional<String> expected = configuration.get(VERIFY_TOKEN_KEY);
        String presented = request.queryParameter("hub.verify_token");
        if (!"subscribe".equals(request.queryParameter("hub.mode")) || expected.isEmpty() || presented == null
                || !equalInConstantTime(expected.get(), presented)) {
            return Optional.empty();
        }
        return Optional.ofNullable(request.queryParameter("hub.challenge"));
    }

    @Override
    public boolean signed(WebhookRequest request) {
        return request.header(SIGNATURE_HEADER) != null;
    }

    @Override
    public List<AccountChanges> parse(WebhookRequest request) {
        JsonValue delivery = Json.tryParse(request.body()).filter(JsonValue::isObject)
                .orElseThrow(() -> new PlatformException(ErrorCode.MALFORMED_REQUEST, "Not a delivery"));
        Map<String, List<JsonValue>> entriesByAccount = new LinkedHashMap<>();
        if (delivery.path("entry") instanceof JsonArray entries) {
            for (JsonValue entry : entries.items()) {
                entriesByAccount.computeIfAbsent(entry.path("id").textOr(""), id -> new ArrayList<>()).add(entry);
            }
        }
        List<AccountChanges> changes = new ArrayList<>();
        entriesByAccount.forEach((account, entries) -> {
            List<ProviderEvent> events = new ArrayList<>();
            for (JsonValue entry : entries) {
                Instant time = Instant.ofEpochSecond(Long.parseLong(entry.path("time").textOr("0")));
                if (entry.path("changes") instanceof JsonArray items) {
                    for (JsonValue change : items.items()) {
                        JsonValue value = change.path("value");
                        events.add(new ProviderEvent(value.path("item").textOr(change.path("field").textOr("")),
                                value.path("post_id").text(), eventType(value.path("verb").textOr("")), time));
                    }
                }
            }
            JsonObject raw = JsonObject.builder().put("object", delivery.path("object"))
                    .put("entry", JsonArray.of(entries)).build();
            changes.add(new AccountChanges(account, raw, events));
        });
        return changes;
    }

    private static EventType eventType(String verb) {
        return switch (verb) {
            case "add" -> EventType.CREATED;
            case "edited" -> EventType.UPDATED;
            case "remove" -> EventType.DELETED;
            default -> EventType.UNKNOWN;
        };
    }

    @Override
    public boolean authentic(WebhookRequest request, Configuration configuration) {
        String presented = request.header(SIGNATURE_HEADER);
        Optional<String> secret = configuration.get("oauth.api.secret");
        return presented != null && secret.isPresent()
                && equalInConstantTime(deliverySignature(secret.get(), request.body()), presented);
    }

    @Override
    public Optional<String> account(String signedNotice) {
        return Optional.ofNullable(payload(signedNotice).path("user_id").text());
    }

    @Override
    public boolean authentic(String signedNotice, Configuration configuration) {
        Optional<String> secret = configuration.get("oauth.api.secret");
        if (secret.isEmpty() || !"HMAC-SHA256".equals(payload(signedNotice).path("algorithm").text())) {
            return false;
        }
        String[] parts = signedNotice.split("\\.", 2);
        return equalInConstantTime(base64Url(hmac(secret.get(), parts[1].getBytes(StandardCharsets.UTF_8))),
                parts[0]);
    }

    private static JsonValue payload(String signedNotice) {
        String[] parts = signedNotice.split("\\.", 2);
        if (parts.length != 2) {
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST, "Not a signed request");
        }
        try {
            return Json.tryParse(Base64.getUrlDecoder().decode(parts[1])).filter(JsonValue::isObject)
                    .orElseThrow(() -> new PlatformException(ErrorCode.MALFORMED_REQUEST, "Not a signed request"));
        } catch (IllegalArgumentException e) {
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST, "Not a signed request");
        }
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body with the app secret, as the provider signs a delivery. */
    public static String deliverySignature(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(appSecret, body));
    }

    /** A notice about {@code userId} signed with the app secret, as the provider sends {@code signed_request}. */
    public static String signedNotice(String appSecret, String userId) {
        String payload = base64Url(JsonObject.builder().put("algorithm", "HMAC-SHA256").put("user_id", userId)
                .put("issued_at", 1_790_000_000L).build().toJson().getBytes(StandardCharsets.UTF_8));
        return base64Url(hmac(appSecret, payload.getBytes(StandardCharsets.UTF_8))) + "." + payload;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean equalInConstantTime(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
