package dev.elements.app.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory ({@code ELEMENTS_DATA_DIR}), checked before anything is put in it: it must be
 * a directory, and one this server makes is readable by its owner only, because it holds the
 * embedded database and the generated master key.
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    /** The directory, created (mode 0700) when missing. */
    public static Path prepare(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new SettingsException("ELEMENTS_DATA_DIR " + directory + " is not a directory (it is a file);"
                    + " point ELEMENTS_DATA_DIR at a directory, or at a path where one can be created");
        }
        if (Files.isDirectory(directory)) {
            return directory;
        }
        try {
            if (directory.getParent() != null) {
                Files.createDirectories(directory.getParent());
            }
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(directory);
            }
            return directory;
        } catch (FileAlreadyExistsException racedOrFile) {
            if (Files.isDirectory(directory)) {
                return directory;
            }
            throw new SettingsException("Cannot create the data directory ELEMENTS_DATA_DIR " + directory
                    + ": " + racedOrFile.getFile() + " exists and is not a directory", racedOrFile);
        } catch (IOException e) {
            throw new SettingsException("Cannot create the data directory ELEMENTS_DATA_DIR " + directory + ": "
                    + e, e);
        }
    }
}
