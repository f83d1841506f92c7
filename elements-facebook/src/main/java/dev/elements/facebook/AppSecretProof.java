package dev.elements.facebook;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code appsecret_proof}: lowercase hex HMAC-SHA256 of the access token keyed by the app secret.
 * With it a stolen token is useless to anyone without the secret, which is why apps can require it
 * ("Require App Secret") and why the plugin sends it on every Graph call.
 */
final class AppSecretProof {
    private static final String ALGORITHM = "HmacSHA256";

    private AppSecretProof() {
    }

    static String of(String appSecret, String accessToken) {
        requireNonNull(appSecret, "appSecret");
        requireNonNull(accessToken, "accessToken");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
