package dev.elements.core.port.in;

/**
 * The secrets a caller presented, any of which may be absent. {@link #toString()} shows which are
 * present, never their values.
 */
public record PresentedCredentials(String userSecret, String organizationSecret, String elementToken,
        String operatorSecret) {

    public static PresentedCredentials none() {
        return new PresentedCredentials(null, null, null, null);
    }

    @Override
    public String toString() {
        return "PresentedCredentials[user=" + (userSecret != null) + ", organization=" + (organizationSecret != null)
                + ", element=" + (elementToken != null) + ", operator=" + (operatorSecret != null) + "]";
    }
}
