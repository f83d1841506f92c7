package dev.elements.app.config;

import static java.util.Objects.requireNonNull;

/**
 * One setting of the server as {@code --help} and the README show it.
 *
 * @param name the environment variable, such as {@code ELEMENTS_HTTP_PORT}
 * @param defaultValue what applies when it is unset, in words where it is not a plain value
 * @param meaning what it does, in one sentence
 */
public record Setting(String name, String defaultValue, String meaning) {
    public Setting {
        requireNonNull(name, "name");
        requireNonNull(defaultValue, "defaultValue");
        requireNonNull(meaning, "meaning");
        if (!name.startsWith(SettingsCatalog.PREFIX)) {
            throw new IllegalArgumentException("A setting's name starts with " + SettingsCatalog.PREFIX + ": " + name);
        }
    }

    /** {@code -Delements.http.port=...} for {@code ELEMENTS_HTTP_PORT}. */
    public String propertyName() {
        return name.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }
}
