package dev.elements.http;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.PresentedCredentials;
import java.util.EnumMap;
import java.util.Map;

/**
 * Parses the Cloud Elements {@code Authorization} header: comma-separated {@code Type value} pairs
 * in any order, each type at most once, such as {@code User abc, Organization def, Element ghi}.
 *
 * <p>Refusals say what is wrong and where (the pair's position), never a value: a garbled header
 * may well be a secret in the wrong place.
 */
public final class AuthorizationHeader {
    public static final String NAME = "Authorization";

    private enum Type {
        USER("User"), ORGANIZATION("Organization"), ELEMENT("Element"), OPERATOR("Operator");

        private final String spelling;

        Type(String spelling) {
            this.spelling = spelling;
        }

        static Type of(String text) {
            for (Type type : values()) {
                if (type.spelling.equalsIgnoreCase(text)) {
                    return type;
                }
            }
            return null;
        }
    }

    private AuthorizationHeader() {
    }

    /**
     * @param header the header's value, or null when it was not sent
     * @return the secrets presented; {@link PresentedCredentials#none()} for an absent or blank header
     * @throws PlatformException {@code INVALID_CREDENTIALS} for a malformed header, an unknown type
     *     or a type given twice
     */
    public static PresentedCredentials parse(String header) {
        if (header == null || header.isBlank()) {
            return PresentedCredentials.none();
        }
        Map<Type, String> values = new EnumMap<>(Type.class);
        String[] pairs = header.split(",", -1);
        for (int i = 0; i < pairs.length; i++) {
            int position = i + 1;
            String pair = pairs[i].strip();
            String[] parts = pair.split("\\s+");
            if (pair.isEmpty() || parts.length != 2) {
                throw refused("pair " + position + " is not of the form 'Type value'; expected"
                        + " comma-separated pairs such as 'User <secret>, Organization <secret>'");
            }
            Type type = Type.of(parts[0]);
            if (type == null) {
                throw refused("pair " + position + " has an unknown type; expected User, Organization, Element"
                        + " or Operator");
            }
            if (values.putIfAbsent(type, parts[1]) != null) {
                throw refused(type.spelling + " is given more than once");
            }
        }
        return new PresentedCredentials(values.get(Type.USER), values.get(Type.ORGANIZATION),
                values.get(Type.ELEMENT), values.get(Type.OPERATOR));
    }

    private static PlatformException refused(String problem) {
        return new PlatformException(ErrorCode.INVALID_CREDENTIALS, "Malformed Authorization header: " + problem);
    }
}
