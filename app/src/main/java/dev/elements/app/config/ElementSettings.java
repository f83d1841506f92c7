package dev.elements.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * @param documentsDirectory where the operator keeps element documents, one element per
 *     {@code *.json} file ({@code ELEMENTS_ELEMENTS_DIR}, optional); they are loaded next to the
 *     plugins and the shipped documents
 */
public record ElementSettings(Optional<Path> documentsDirectory) {
    public static final String DIRECTORY_SETTING = "ELEMENTS_ELEMENTS_DIR";

    /** The plugins and the shipped documents only. */
    public static ElementSettings none() {
        return new ElementSettings(Optional.empty());
    }

    public static ElementSettings from(SettingsSource source) {
        Optional<Path> directory = source.get(DIRECTORY_SETTING).map(Path::of);
        directory.ifPresent(path -> {
            if (!Files.isDirectory(path)) {
                throw new SettingsException(DIRECTORY_SETTING + " " + path + " is not a directory; point it at the"
                        + " directory that holds the element documents, or leave it unset");
            }
        });
        return new ElementSettings(directory);
    }
}
