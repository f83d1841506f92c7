package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.InputLimits;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.PendingAuthorization;
import dev.elements.core.port.out.PendingAuthorizations;
import dev.elements.core.port.out.UnopenableSecretException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The PKCE verifiers (RFC 7636, method S256) of elements that use PKCE: made when the login URL is,
 * kept sealed on the server under the element and the {@code state}, and handed out once when the
 * code comes back. A verifier never appears in a URL, a message or a log.
 */
final class PkceVerifiers {
    private static final System.Logger LOG = System.getLogger(PkceVerifiers.class.getName());
    /** As long as providers keep a code (RFC 6749 advises at most ten minutes). */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** The verifier's alphabet, RFC 7636's unreserved characters. */
    private static final char[] UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".toCharArray();
    private static final int VERIFIER_LENGTH = 64;
    /** 16 random bytes: 22 URL-safe characters, too many to guess or to collide across users. */
    private static final int STATE_BYTES = 16;

    private final PendingAuthorizations pending;
    private final CredentialCipher cipher;
    private final Clock clock;
    private final int limit;
    private final SecureRandom random = new SecureRandom();

    /** @param limit the most logins under way at once, over every element */
    PkceVerifiers(PendingAuthorizations pending, CredentialCipher cipher, Clock clock, int limit) {
        this.pending = requireNonNull(pending, "pending");
        this.cipher = requireNonNull(cipher, "cipher");
        this.clock = requireNonNull(clock, "clock");
        if (limit < 1) {
            throw new IllegalArgumentException("The limit of pending authorizations must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** A state for a login whose application gave none: the element key would be every user's. */
    String newState() {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Makes and keeps a verifier for a login under way.
     *
     * @return its S256 challenge, for the login URL
     * @throws PlatformException 400 when the state is too long to keep; 429 when the store is full
     */
    String begin(ElementKey element, String state) {
        if (state.length() > InputLimits.OAUTH_STATE) {
            throw PlatformException.invalid("state is longer than " + InputLimits.OAUTH_STATE + " characters");
        }
        String verifier = newVerifier();
        Instant now = clock.instant();
        PendingAuthorization authorization = new PendingAuthorization(element, state,
                cipher.seal(ascii(verifier), associatedData(element, state)), now, now.plus(LIFETIME));
        if (!pending.save(authorization, limit)) {
            LOG.log(Level.WARNING, "No login URL for element {0}: {1} PKCE logins are under way already", element,
                    limit);
            throw new PlatformException(ErrorCode.TOO_MANY_PENDING_AUTHORIZATIONS,
                    "Too many logins are under way for elements that use PKCE; each is kept "
                            + LIFETIME.toMinutes() + " minutes at most, retry later",
                    null, null, null);
        }
        return challenge(verifier);
    }

    /**
     * Takes the verifier kept for the state a code came back with; it is good once.
     *
     * @throws PlatformException 400 when the state is missing, or no verifier is kept for it
     */
    Verifier take(ElementKey element, String state) {
        if (state == null || state.isBlank()) {
            throw new PlatformException(ErrorCode.MISSING_FIELD, "Missing required field: providerData.state"
                    + " (element " + element + " uses PKCE: pass back the state the provider's callback carried)");
        }
        PendingAuthorization taken = pending.take(element, state, clock.instant()).orElseThrow(() -> unknown(element));
        try {
            return new Verifier(new String(cipher.open(taken.verifier(), associatedData(element, state)),
                    StandardCharsets.US_ASCII), taken);
        } catch (UnopenableSecretException e) {
            // Sealed under a key retired since, or altered in storage: as good as never issued.
            LOG.log(Level.WARNING, "A PKCE verifier kept for element {0} does not open: {1}", element,
                    e.getMessage());
            throw unknown(element);
        }
    }

    /** Keeps a taken verifier again, until its first expiry: the provider never saw its code. */
    void restore(Verifier verifier) {
        pending.save(verifier.pending(), Integer.MAX_VALUE);
    }

    private static PlatformException unknown(ElementKey element) {
        return new PlatformException(ErrorCode.UNKNOWN_AUTHORIZATION_STATE, "No login is under way for element "
                + element + " with this providerData.state: it was used already, expired after "
                + LIFETIME.toMinutes() + " minutes, or was not issued by this platform's oauth/url");
    }

    private String newVerifier() {
        char[] verifier = new char[VERIFIER_LENGTH];
        for (int i = 0; i < verifier.length; i++) {
            verifier[i] = UNRESERVED[random.nextInt(UNRESERVED.length)];
        }
        return new String(verifier);
    }

    /** RFC 7636 4.2: BASE64URL(SHA256(ASCII(verifier))), without padding. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ascii(verifier));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** {@code pkce|element|state}, so a sealed verifier copied to another login does not open. */
    private static byte[] associatedData(ElementKey element, String state) {
        return ("pkce|" + element.value() + "|" + state).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A verifier taken for one code exchange, with what it takes to keep it again. */
    record Verifier(String value, PendingAuthorization pending) {
        @Override
        public String toString() {
            return "Verifier[element=" + pending.element() + "]";
        }
    }
}
