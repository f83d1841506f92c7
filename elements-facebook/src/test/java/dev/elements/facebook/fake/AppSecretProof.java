package dev.elements.facebook.fake;

/**
 * Computes {@code appsecret_proof}, the parameter that proves a Graph call comes from a server holding the app
 * secret: lowercase hex of HMAC-SHA256 keyed with the app secret over the access token.
 */
public final class AppSecretProof {

    private AppSecretProof() {
    }

    /** The classic proof: {@code hex(HMAC-SHA256(appSecret, accessToken))}. */
    public static String of(String appSecret, String accessToken) {
        return Hmac.sha256Hex(appSecret, accessToken);
    }

    /**
     * The timed proof sent together with {@code appsecret_time}:
     * {@code hex(HMAC-SHA256(appSecret, accessToken + "|" + unixSeconds))}.
     */
    public static String timed(String appSecret, String accessToken, long unixSeconds) {
        return Hmac.sha256Hex(appSecret, accessToken + "|" + unixSeconds);
    }
}
