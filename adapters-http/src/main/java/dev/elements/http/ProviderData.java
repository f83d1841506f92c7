package dev.elements.http;

/** {@code providerData} of instance bodies: the OAuth {@code code} from the provider's callback. */
record ProviderData(String code) {

    /** The code of {@code providerData}, or null when there is none. */
    static String code(ProviderData providerData) {
        return providerData == null ? null : providerData.code();
    }

    @Override
    public String toString() {
        return "ProviderData[code=" + (code != null) + "]";
    }
}
