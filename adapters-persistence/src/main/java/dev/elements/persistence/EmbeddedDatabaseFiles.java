package dev.elements.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The embedded H2 database's files in the data directory, readable by their owner only, as the
 * master key is: they hold the sealed credentials and the secret digests. H2 creates its files
 * with the process's umask (usually world-readable), so the database file is made empty with
 * owner-only permissions before H2 opens it (H2 takes an empty file for a new database), and the
 * files of an existing installation are narrowed at each start.
 */
public final class EmbeddedDatabaseFiles {
    /** The database file H2 keeps for {@link PersistenceStore#h2FileUrl(Path)}. */
    public static final String DATABASE_FILE = JdbcUrls.H2_DATABASE_NAME + ".mv.db";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private EmbeddedDatabaseFiles() {
    }

    /**
     * Creates the database file (mode 0600) when missing and narrows the existing database files to
     * 0600. The data directory must exist.
     *
     * @throws UncheckedIOException when the files cannot be created or their permissions changed
     */
    public static void restrictToOwner(Path dataDirectory) {
        if (!dataDirectory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            try {
                Files.createFile(dataDirectory.resolve(DATABASE_FILE),
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException existing) {
                // an existing database: narrowed below
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDirectory,
                    JdbcUrls.H2_DATABASE_NAME + ".*")) {
                for (Path file : files) {
                    if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                        Files.setPosixFilePermissions(file, OWNER_ONLY);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the database files in " + dataDirectory
                    + " readable by their owner only: " + e, e);
        }
    }
}
