package dev.elements.facebook;

import static java.util.Objects.requireNonNull;

import dev.elements.core.event.AccountChanges;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.instance.Configuration;
import dev.elements.core.spi.event.ProviderWebhooks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Facebook's webhooks ("Webhooks for the Graph API"): the subscription handshake with the
 * operator's verify token, {@code X-Hub-Signature-256} over the raw body, and the delivery's
 * entries, one per user or page. Stateless.
 */
final class FacebookWebhooks implements ProviderWebhooks {
    /**
     * The string the operator typed into the app dashboard's webhook settings; Facebook echoes it in
     * the handshake. The operator sets it as {@code ELEMENTS_FACEBOOKSOCIAL_EVENT_WEBHOOK_VERIFY_TOKEN}.
     */
    static final String VERIFY_TOKEN = "event.webhook.verify.token";
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final String SIGNATURE_PREFIX = "sha256=";
    /** Hex of the 32 bytes of an HMAC-SHA256. */
    private static final int SIGNATURE_HEX_LENGTH = 64;

    /**
     * {@code GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…}: the bare challenge when the
     * token is the operator's. Without a configured token no handshake passes, or anyone could
     * subscribe with an empty one.
     */
    @Override
    public Optional<String> handshake(WebhookRequest request, Configuration configuration) {
        requireNonNull(request, "request");
        Optional<String> expected = configuration.get(VERIFY_TOKEN);
        String mode = request.queryParameter("hub.mode");
        String given = request.queryParameter("hub.verify_token");
        String challenge = request.queryParameter("hub.challenge");
        if (expected.isEmpty() || !"subscribe".equals(mode) || given == null || challenge == null) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(challenge) : Optional.empty();
    }

    /** See {@link WebhookDelivery}: entries grouped by account, each with only its own part of the payload. */
    @Override
    public List<AccountChanges> parse(WebhookRequest request) {
        return WebhookDelivery.read(request.body());
    }

    @Override
    public boolean signed(WebhookRequest request) {
        return request.header(SIGNATURE_HEADER) != null;
    }

    /**
     * {@code sha256=} and the hex HMAC-SHA256 of the raw body keyed by the app secret. Facebook writes
     * lower-case hex; upper-case is accepted, since it is the same signature. Anything else (no
     * header, another algorithm, a wrong length, no secret configured) is not authentic.
     */
    @Override
    public boolean authentic(WebhookRequest request, Configuration configuration) {
        String header = request.header(SIGNATURE_HEADER);
        Optional<String> appSecret = AppSecretSignature.appSecret(configuration);
        if (header == null || appSecret.isEmpty() || !header.startsWith(SIGNATURE_PREFIX)
                || header.length() != SIGNATURE_PREFIX.length() + SIGNATURE_HEX_LENGTH) {
            return false;
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(header, SIGNATURE_PREFIX.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return AppSecretSignature.matches(signature, appSecret.get(), request.body());
    }
}
