package dev.elements.app.config;

import dev.elements.persistence.EmbeddedDatabaseFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded database's place in the data directory, made ready before H2 opens it: a directory
 * the server can write (H2 would otherwise open a read-only copy and fail every write), and
 * database files readable by their owner only.
 */
public final class EmbeddedDatabase {
    private EmbeddedDatabase() {
    }

    public static void prepare(Path dataDirectory) {
        Path directory = DataDirectory.prepare(dataDirectory);
        Path databaseFile = directory.resolve(EmbeddedDatabaseFiles.DATABASE_FILE);
        if (!Files.isWritable(directory) || Files.exists(databaseFile) && !Files.isWritable(databaseFile)) {
            throw new SettingsException("The data directory ELEMENTS_DATA_DIR " + directory + " is not writable"
                    + " (a read-only mount, or another owner?): the embedded database must be able to store"
                    + " every write it acknowledges");
        }
        try {
            EmbeddedDatabaseFiles.restrictToOwner(directory);
        } catch (UncheckedIOException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }
}
