package dev.elements.http;

/**
 * {@code providerData} of instance bodies: the OAuth {@code code} from the provider's callback, and
 * the {@code state} it came with (which elements that use PKCE need, to find their verifier).
 */
record ProviderData(String code, String state) {

    /** The code of {@code providerData}, or null when there is none. */
    static String code(ProviderData providerData) {
        return providerData == null ? null : providerData.code();
    }

    /** The state of {@code providerData}, or null when there is none. */
    static String state(ProviderData providerData) {
        return providerData == null ? null : providerData.state();
    }

    @Override
    public String toString() {
        return "ProviderData[code=" + (code != null) + ", state=" + (state != null) + "]";
    }
}
