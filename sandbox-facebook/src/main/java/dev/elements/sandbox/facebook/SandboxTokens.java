package dev.elements.sandbox.facebook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's codes and tokens. Codes are Facebook's: single-use, bound to the dialog's
 * {@code redirect_uri}, dead after ten minutes. Tokens are signed rather than stored, so the
 * instances of a demo keep working after the demo restarts; the signing key is a fixed, public
 * demo key, which is fine for a Facebook that only ever listens on loopback and holds made-up data.
 */
final class SandboxTokens {
    /** Server-flow user tokens last about sixty days. */
    static final Duration USER_TOKEN_LIFETIME = Duration.ofDays(60);
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final String HMAC = "HmacSHA256";
    private static final byte[] SIGNING_KEY = "elements-demo-sandbox-token-key-public".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    enum Kind { USER, PAGE }

    /** What a token says: whose it is, what it may do and until when (never, for a page token: {@code expiresAt} 0). */
    record Token(Kind kind, String subject, long issuedAt, long expiresAt, List<String> scopes) {
        boolean expired(Instant now) {
            return expiresAt != 0 && now.getEpochSecond() >= expiresAt;
        }
    }

    private record Code(String redirectUri, List<String> scopes, Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Set<String> spentCodes = ConcurrentHashMap.newKeySet();

    SandboxTokens(Clock clock) {
        this.clock = clock;
    }

    String issueCode(String redirectUri, List<String> scopes) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = "AQ" + BASE64URL.encodeToString(bytes);
        codes.put(code, new Code(redirectUri, List.copyOf(scopes), clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** The user token a code is worth, once; Graph's own refusals otherwise. */
    Token redeem(String code, String redirectUri, String userId) {
        Code issued = codes.remove(code);
        if (issued == null) {
            if (spentCodes.contains(code)) {
                throw new GraphError(400, "OAuthException", 100, 36009, "This authorization code has been used.");
            }
            throw GraphError.invalidParameter("Invalid verification code format.");
        }
        spentCodes.add(code);
        if (!clock.instant().isBefore(issued.expiresAt())) {
            throw new GraphError(400, "OAuthException", 100, 36007, "This authorization code has expired.");
        }
        if (!issued.redirectUri().equals(redirectUri)) {
            throw new GraphError(400, "OAuthException", 100, 36008, "Error validating verification code. Please"
                    + " make sure your redirect_uri is identical to the one you used in the OAuth dialog request");
        }
        return userToken(userId, issued.scopes());
    }

    Token userToken(String userId, List<String> scopes) {
        long now = clock.instant().getEpochSecond();
        return new Token(Kind.USER, userId, now, now + USER_TOKEN_LIFETIME.toSeconds(), List.copyOf(scopes));
    }

    Token pageToken(String pageId, List<String> scopes) {
        return new Token(Kind.PAGE, pageId, clock.instant().getEpochSecond(), 0, List.copyOf(scopes));
    }

    String encode(Token token) {
        String payload = BASE64URL.encodeToString(String.join("|", token.kind().name(), token.subject(),
                Long.toString(token.issuedAt()), Long.toString(token.expiresAt()), String.join(",", token.scopes()))
                .getBytes(StandardCharsets.UTF_8));
        return "EAAS" + payload + "." + sign(payload);
    }

    /** The token this string is, signature checked; empty for anything the sandbox did not issue. */
    Optional<Token> decode(String encoded) {
        if (encoded == null || !encoded.startsWith("EAAS") || encoded.indexOf('.') < 0) {
            return Optional.empty();
        }
        String payload = encoded.substring(4, encoded.indexOf('.'));
        String signature = encoded.substring(encoded.indexOf('.') + 1);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
            List<String> scopes = parts[4].isEmpty() ? List.of() : List.of(parts[4].split(","));
            return Optional.of(new Token(Kind.valueOf(parts[0]), parts[1], Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]), scopes));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** {@code appsecret_proof}: lowercase hex HMAC-SHA256 of the token, keyed by the app secret. */
    static String proof(String appSecret, String accessToken) {
        return HexFormat.of().formatHex(hmac(appSecret.getBytes(StandardCharsets.UTF_8), accessToken));
    }

    private static String sign(String payload) {
        return BASE64URL.encodeToString(hmac(SIGNING_KEY, payload));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }
}
