package dev.elements.app.demo;

import static java.util.Objects.requireNonNull;

import dev.elements.app.ElementsServer;
import dev.elements.app.config.ServerSettings;
import dev.elements.app.config.SettingsException;
import dev.elements.app.config.SettingsSource;
import dev.elements.sandbox.facebook.SandboxFacebook;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar elements.jar demo}: the server with a sandbox Facebook in the same process, so
 * that the README's walkthrough works without a Facebook app, Maven or the test sources. The
 * element {@code facebooksocial} points at the sandbox and its demo app through operator overrides;
 * the server listens on 127.0.0.1 only, keeps its data in {@code ./demo-data}, and its secrets are
 * fixed and public, printed at every start, because a demo holds nothing worth protecting and a
 * newcomer must never lose them.
 */
public final class DemoMode implements AutoCloseable {
    public static final String ORGANIZATION_SECRET = "demo-organization-secret-PUBLIC-not-for-real-use";
    public static final String USER_SECRET = "demo-user-secret-PUBLIC-not-for-real-use-000000";
    public static final String OPERATOR_SECRET = "demo-operator-secret-PUBLIC-not-for-real-use-00";
    /** 32 bytes, as the setting wants; readable, so that nobody takes it for a real key. */
    public static final String MASTER_KEY = Base64.getEncoder()
            .encodeToString("elements-DEMO-master-key-PUBLIC!".getBytes(StandardCharsets.US_ASCII));
    static final String HOST = "127.0.0.1";
    static final String DATA_DIRECTORY = "./demo-data";
    private static final String DATABASE_URL = "ELEMENTS_DATABASE_URL";

    private final SandboxFacebook facebook;
    private final ElementsServer server;

    private DemoMode(SandboxFacebook facebook, ElementsServer server) {
        this.facebook = facebook;
        this.server = server;
    }

    /**
     * Starts the sandbox, then the server pointed at it, and prints the banner. The operator's
     * settings apply, except those a demo fixes: address, data directory, secrets, master key and
     * the Facebook endpoints. {@code ELEMENTS_HTTP_PORT} still chooses the port.
     */
    public static DemoMode start(SettingsSource operator, Clock clock, PrintStream console) {
        requireNonNull(operator, "operator");
        if (operator.get(DATABASE_URL).isPresent()) {
            throw new SettingsException("demo runs on its own embedded database in " + DATA_DIRECTORY
                    + "; unset " + DATABASE_URL + " to start it");
        }
        SandboxFacebook facebook = SandboxFacebook.start(clock);
        try {
            Map<String, String> settings = new LinkedHashMap<>(operator.all());
            settings.putAll(demoSettings(facebook));
            ElementsServer server = ElementsServer.startDemo(ServerSettings.from(SettingsSource.of(settings)), clock,
                    console);
            banner(console, server.port(), facebook);
            return new DemoMode(facebook, server);
        } catch (RuntimeException e) {
            facebook.close();
            throw e;
        }
    }

    private static Map<String, String> demoSettings(SandboxFacebook facebook) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ELEMENTS_HTTP_HOST", HOST);
        settings.put("ELEMENTS_DATA_DIR", DATA_DIRECTORY);
        settings.put("ELEMENTS_BOOTSTRAP_ORGANIZATION_SECRET", ORGANIZATION_SECRET);
        settings.put("ELEMENTS_BOOTSTRAP_USER_SECRET", USER_SECRET);
        settings.put("ELEMENTS_OPERATOR_SECRET", OPERATOR_SECRET);
        settings.put("ELEMENTS_MASTER_KEY", MASTER_KEY);
        settings.put("ELEMENTS_FACEBOOKSOCIAL_BASE_URL", facebook.graphUrl());
        settings.put("ELEMENTS_FACEBOOKSOCIAL_OAUTH_AUTHORIZATION_URL", facebook.authorizationUrl());
        settings.put("ELEMENTS_FACEBOOKSOCIAL_OAUTH_TOKEN_URL", facebook.tokenUrl());
        settings.put("ELEMENTS_FACEBOOKSOCIAL_OAUTH_API_KEY", SandboxFacebook.APP_ID);
        settings.put("ELEMENTS_FACEBOOKSOCIAL_OAUTH_API_SECRET", SandboxFacebook.APP_SECRET);
        return settings;
    }

    private static void banner(PrintStream console, int port, SandboxFacebook facebook) {
        String line = "=".repeat(100);
        console.println();
        console.println(line);
        console.println("  ELEMENTS DEMO MODE: a sandbox Facebook with made-up data, on this machine only.");
        console.println("  Every secret below is public and fixed. Never use demo mode, or these secrets, for real.");
        console.println(line);
        console.println("  API:                 http://" + HOST + ":" + port + "/elements/api-v2");
        console.println("  Organization secret: " + ORGANIZATION_SECRET);
        console.println("  User secret:         " + USER_SECRET);
        console.println("  Operator secret:     " + OPERATOR_SECRET);
        console.println("  Master key:          " + MASTER_KEY);
        console.println("  Data:                " + Path.of(DATA_DIRECTORY).toAbsolutePath().normalize()
                + " (delete it to start over)");
        console.println("  Sandbox Facebook:    " + facebook.graphUrl() + " (app id " + SandboxFacebook.APP_ID
                + ", app secret " + SandboxFacebook.APP_SECRET + "; its login signs in \"Demo User\" at once)");
        console.println("  Try:  AUTH='User " + USER_SECRET + ", Organization " + ORGANIZATION_SECRET + "'");
        console.println(line);
        console.println();
        console.flush();
    }

    public int port() {
        return server.port();
    }

    /** Stops the server, then the sandbox it calls. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            facebook.close();
        }
    }
}
