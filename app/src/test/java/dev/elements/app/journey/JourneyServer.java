package dev.elements.app.journey;

import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a journey runs against: the fake Facebook, the server started as Main starts it (again
 * after a restart), and everything both print or log, kept to be searched for secrets.
 */
final class JourneyServer implements AutoCloseable {
    private final LogCapture logs = new LogCapture();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final FakeFacebook facebook = FakeFacebook.start();
    private ElementsServer server;

    FakeFacebook facebook() {
        return facebook;
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

    /** The log and the console together, where no secret may appear. */
    String everythingPrinted() {
        return logs.text() + console.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stop();
        facebook.close();
        logs.close();
    }
}
