package dev.elements.app.journey;

import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a journey runs against: the fake Facebook, the server started as Main starts it (again
 * after a restart) on a fresh data directory, and everything both print or log, kept to be searched
 * for secrets. Registered as an extension, it is closed after each test.
 */
final class JourneyServer implements AfterEachCallback, AutoCloseable {
    /** The redirect URI of the application the journeys play. */
    static final String CALLBACK = "https://app.example/auth/facebook";

    private final LogCapture logs = new LogCapture();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final FakeFacebook facebook = FakeFacebook.start();
    private final Path data = newDataDirectory();
    private ElementsServer server;

    FakeFacebook facebook() {
        return facebook;
    }

    /** Settings as an operator gives them, with the data directory and the fake Facebook of this journey. */
    Map<String, String> settings(String organizationSecret, String userSecret) {
        return TestServers.settings(data, facebook, organizationSecret, userSecret);
    }

    /** Starts the server with these settings, after stopping the one running, if any. */
    ElementsServer start(Map<String, String> settings) {
        stop();
        server = TestServers.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
        return server;
    }

    /** Stops the server and waits for what it was doing, so that what it stores and logs is complete. */
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** What the platform logged; an SLF4J event as {@code LEVEL logger message}. */
    String logs() {
        return logs.text();
    }

    /**
     * Asserts no secret appears in the data directory, the log or the console; {@code plainlyStored}
     * is a value that must be found, to show the search works.
     */
    void assertNoSecretPrinted(String plainlyStored, List<String> secrets) {
        Canaries.assertAbsent(data, logs.text() + console.toString(StandardCharsets.UTF_8), plainlyStored, secrets);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        stop();
        facebook.close();
        logs.close();
        deleteDataDirectory();
    }

    private static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("elements-journey");
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException(cannotCreate);
        }
    }

    private void deleteDataDirectory() {
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException cannotWalk) {
            throw new UncheckedIOException(cannotWalk);
        }
    }
}
