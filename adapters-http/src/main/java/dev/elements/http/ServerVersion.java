package dev.elements.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this server, for the landing page, the OpenAPI document and {@code --version}:
 * the jar manifest's {@code Implementation-Version} where the jar has one, else the version Maven
 * wrote into {@code build.properties} when it built this module (so tests and the shaded jar,
 * whose manifest names none, agree).
 */
public final class ServerVersion {
    private static final String BUILD_PROPERTIES = "build.properties";
    private static final Properties BUILD = load();

    private ServerVersion() {
    }

    /** Such as {@code 0.1.0-SNAPSHOT}; {@code unknown} only for classes not built by Maven. */
    public static String current() {
        String manifest = ServerVersion.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : BUILD.getProperty("version", "unknown");
    }

    /** The version of the Swagger UI webjar this module was built with: its files live below it. */
    static String swaggerUi() {
        String version = BUILD.getProperty("swaggerUiVersion");
        if (version == null) {
            throw new IllegalStateException(BUILD_PROPERTIES + " names no swaggerUiVersion; build with Maven");
        }
        return version;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ServerVersion.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + BUILD_PROPERTIES, e);
        }
        return properties;
    }
}
