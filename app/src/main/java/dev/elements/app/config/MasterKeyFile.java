package dev.elements.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key when the operator did not set {@code ELEMENTS_MASTER_KEY}: read from
 * {@code master.key} in the data directory, or generated there once, readable by its owner only.
 */
public final class MasterKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFile.class);
    public static final String FILE_NAME = "master.key";
    /** The embedded database's file: where it exists, a master key was made for it before. */
    static final String EMBEDDED_DATABASE_FILE = "elements.mv.db";

    private MasterKeyFile() {
    }

    public static byte[] resolve(SecuritySettings security, Path dataDirectory) {
        return security.configuredMasterKey().orElseGet(() -> readOrCreate(dataDirectory.resolve(FILE_NAME)));
    }

    /**
     * The master key of an existing installation, for maintenance commands that must never make a
     * new one.
     */
    public static byte[] resolveExisting(SecuritySettings security, Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (security.configuredMasterKey().isEmpty() && !Files.exists(file)) {
            throw new SettingsException("No master key: set ELEMENTS_MASTER_KEY, or ELEMENTS_DATA_DIR to the data"
                    + " directory holding " + FILE_NAME + ", as for the server");
        }
        return resolve(security, dataDirectory);
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(file, Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Path dataDirectory = DataDirectory.prepare(file.getParent());
            if (Files.exists(dataDirectory.resolve(EMBEDDED_DATABASE_FILE))) {
                // A new key would not open the stored credentials; making one would only hide the loss.
                throw new SettingsException("The master key file " + file + " is missing, but the embedded database"
                        + " in " + dataDirectory + " was set up with it: restore " + FILE_NAME + " from a backup,"
                        + " or set ELEMENTS_MASTER_KEY to the key it held");
            }
            byte[] key = new byte[SecuritySettings.MASTER_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            write(file, Base64.getEncoder().encodeToString(key));
            LOG.warn("ELEMENTS_MASTER_KEY is not set: generated a master key into {}. Anyone who can read this file"
                    + " can decrypt the stored credentials; back it up apart from the database, or set"
                    + " ELEMENTS_MASTER_KEY instead.", file);
            return key;
        } catch (FileAlreadyExistsException e) {
            if (!Files.isRegularFile(file)) {
                throw new SettingsException("Cannot create the master key file " + file + ": "
                        + e.getFile() + " exists and is not a file", e);
            }
            // Another process created it between our check and our write: use theirs.
            return readOrCreate(file);
        } catch (IOException e) {
            throw new SettingsException("Cannot read or create the master key file " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static byte[] decode(Path file, String content) {
        try {
            return SecuritySettings.decodeMasterKey(content);
        } catch (SettingsException e) {
            throw new SettingsException("The master key file " + file + " does not hold a master key: "
                    + e.getMessage().replace("ELEMENTS_MASTER_KEY", "it"), e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
