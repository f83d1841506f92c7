package dev.elements.app.config;

/**
 * @param json whether log lines are JSON objects ({@code ELEMENTS_LOG_FORMAT=json}), one per line,
 *     for log collectors; the default {@code text} is for people reading a terminal
 */
public record LogSettings(boolean json) {
    public static final String TEXT = "text";
    public static final String JSON = "json";
    private static final String FORMAT = "ELEMENTS_LOG_FORMAT";

    public static LogSettings from(SettingsSource source) {
        String format = source.get(FORMAT, TEXT);
        if (!format.equals(TEXT) && !format.equals(JSON)) {
            throw new SettingsException(FORMAT + " must be " + TEXT + " or " + JSON + ", not '" + format + "'");
        }
        return new LogSettings(format.equals(JSON));
    }
}
