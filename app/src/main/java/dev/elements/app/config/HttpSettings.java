package dev.elements.app.config;

/**
 * @param host the address to listen on ({@code ELEMENTS_HTTP_HOST}, default all interfaces)
 * @param port the port ({@code ELEMENTS_HTTP_PORT}, default 8080; 0 picks a free one)
 * @param maxBodyBytes the largest request body accepted ({@code ELEMENTS_HTTP_MAX_BODY_BYTES}, 1 MiB)
 */
public record HttpSettings(String host, int port, long maxBodyBytes) {
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public static HttpSettings from(SettingsSource source) {
        String rawLimit = source.get("ELEMENTS_HTTP_MAX_BODY_BYTES", Long.toString(DEFAULT_MAX_BODY_BYTES));
        long limit;
        try {
            limit = Long.parseLong(rawLimit);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit <= 0) {
            throw new SettingsException(
                    "ELEMENTS_HTTP_MAX_BODY_BYTES must be a positive number of bytes, not '" + rawLimit + "'");
        }
        return new HttpSettings(source.get("ELEMENTS_HTTP_HOST", "0.0.0.0"),
                source.port("ELEMENTS_HTTP_PORT", DEFAULT_PORT), limit);
    }
}
