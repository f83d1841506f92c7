package dev.elements.core.port.in;

/**
 * The most a request may send in its free-text fields, checked before any other work on them (HTML
 * stripping included), so that no request can make the server work on more than these. Names and
 * tags are limited again after HTML is stripped (255 and 100 characters, 50 distinct tags).
 */
public final class InputLimits {
    /** An instance's name as sent, markup included. */
    public static final int INSTANCE_NAME = 1_000;
    /** One tag as sent, markup included. */
    public static final int TAG = 400;
    /** Tags in one request, duplicates included. */
    public static final int TAGS = 200;
    /** An organization's name, a user's first or last name. */
    public static final int PERSON_OR_ORGANIZATION_NAME = 255;
    /**
     * A provider token the application hands over ({@code externalAuthentication}): far beyond any
     * real provider's (Facebook's are a few hundred characters), and checked before any provider call.
     */
    public static final int HELD_TOKEN = 8_192;
    /** The OAuth {@code state} of an element that uses PKCE, which the platform keeps until the code returns. */
    public static final int OAUTH_STATE = 512;
    /** Where a connect session sends the browser back to. */
    public static final int REDIRECT_URL = 2_000;

    private InputLimits() {
    }
}
