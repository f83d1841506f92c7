package dev.elements.facebook;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonValue;
import dev.elements.core.spi.event.AccountNotices;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Facebook's deauthorize and data deletion callbacks: a form field {@code signed_request}, {@code
 * base64url(signature) + "." + base64url(payload)} without padding, where the signature is
 * HMAC-SHA256 with the app secret over the encoded payload exactly as sent, and the payload is JSON
 * with {@code algorithm}, {@code issued_at} and {@code user_id} (null for a page's uninstall).
 */
final class FacebookSignedRequests implements AccountNotices {
    static final String ALGORITHM = "HMAC-SHA256";
    /** Far more than Facebook's few hundred bytes; the decoding of a larger field is not attempted. */
    private static final int MAX_LENGTH = 8_192;

    @Override
    public Optional<String> account(String signedNotice) {
        SignedRequest request = SignedRequest.split(signedNotice)
                .orElseThrow(() -> malformed("it is not base64url(signature).base64url(payload)"));
        JsonValue payload = request.payload()
                .orElseThrow(() -> malformed("its payload is not a JSON object"));
        if (!acceptedAlgorithm(payload)) {
            throw malformed("it is not signed with " + ALGORITHM);
        }
        return payload.path("user_id").textIfAny();
    }

    /** Only HMAC-SHA256: a notice naming another algorithm (or none) is refused, whatever its signature. */
    @Override
    public boolean authentic(String signedNotice, Configuration configuration) {
        Optional<String> appSecret = AppSecretSignature.appSecret(configuration);
        Optional<SignedRequest> request = SignedRequest.split(signedNotice);
        if (appSecret.isEmpty() || request.isEmpty()) {
            return false;
        }
        Optional<JsonValue> payload = request.get().payload();
        return payload.isPresent() && acceptedAlgorithm(payload.get()) && AppSecretSignature.matches(
                request.get().signature(), appSecret.get(), request.get().encodedPayload()
                        .getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean acceptedAlgorithm(JsonValue payload) {
        return ALGORITHM.equalsIgnoreCase(payload.path("algorithm").textOr(""));
    }

    private static PlatformException malformed(String why) {
        return new PlatformException(ErrorCode.MALFORMED_REQUEST, "The signed_request is not Facebook's: " + why);
    }

    /** The two parts of a {@code signed_request}, the signature decoded and the payload as sent. */
    private record SignedRequest(byte[] signature, String encodedPayload) {
        static Optional<SignedRequest> split(String signedNotice) {
            if (signedNotice == null || signedNotice.length() > MAX_LENGTH) {
                return Optional.empty();
            }
            int dot = signedNotice.indexOf('.');
            if (dot <= 0 || dot == signedNotice.length() - 1 || signedNotice.indexOf('.', dot + 1) >= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new SignedRequest(Base64.getUrlDecoder().decode(signedNotice.substring(0, dot)),
                        signedNotice.substring(dot + 1)));
            } catch (IllegalArgumentException notBase64Url) {
                return Optional.empty();
            }
        }

        /** The payload's JSON object, or empty when it is not one. */
        Optional<JsonValue> payload() {
            try {
                return Json.tryParse(Base64.getUrlDecoder().decode(encodedPayload)).filter(JsonValue::isObject);
            } catch (IllegalArgumentException notBase64Url) {
                return Optional.empty();
            }
        }
    }
}
