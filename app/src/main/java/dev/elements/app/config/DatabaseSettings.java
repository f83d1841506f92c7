package dev.elements.app.config;

import dev.elements.persistence.PersistenceStore;
import java.nio.file.Path;

/**
 * @param dataDirectory {@code ELEMENTS_DATA_DIR}, default {@code ./data}: the embedded database
 *     and the generated master key live here
 * @param url {@code ELEMENTS_DATABASE_URL}; null means the embedded H2 file database
 * @param user {@code ELEMENTS_DATABASE_USER}
 * @param password {@code ELEMENTS_DATABASE_PASSWORD}
 */
public record DatabaseSettings(Path dataDirectory, String url, String user, String password) {
    public static final String DEFAULT_DATA_DIRECTORY = "./data";

    public static DatabaseSettings from(SettingsSource source) {
        Path dataDirectory = Path.of(source.get("ELEMENTS_DATA_DIR", DEFAULT_DATA_DIRECTORY)).toAbsolutePath().normalize();
        String url = source.get("ELEMENTS_DATABASE_URL").orElse(null);
        if (url != null && !url.startsWith("jdbc:")) {
            throw new SettingsException("ELEMENTS_DATABASE_URL must be a JDBC URL such as "
                    + "jdbc:postgresql://host:5432/elements, not '" + url + "'");
        }
        return new DatabaseSettings(dataDirectory, url, source.get("ELEMENTS_DATABASE_USER", ""),
                source.get("ELEMENTS_DATABASE_PASSWORD", ""));
    }

    public boolean embedded() {
        return url == null;
    }

    /** The database to open: the operator's URL, or the embedded H2 file in the data directory. */
    public String jdbcUrl() {
        return embedded() ? PersistenceStore.h2FileUrl(dataDirectory) : url;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[dataDirectory=" + dataDirectory + ", url=" + url + ", user=" + user + "]";
    }
}
