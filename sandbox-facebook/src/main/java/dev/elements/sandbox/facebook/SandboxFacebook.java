package dev.elements.sandbox.facebook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small Facebook for demo mode, in the server's own process and on loopback only: the login
 * dialog (which signs in the seeded "Demo User" at once and redirects with a {@code code}), the
 * token endpoint (code exchange and {@code fb_exchange_token}), {@code debug_token}, and the Graph
 * nodes and edges the social hub maps to, with cursor paging and {@code appsecret_proof} required,
 * as an app with "Require App Secret" has it. One app exists: {@link #APP_ID} with
 * {@link #APP_SECRET}; it accepts any http(s) redirect URI, as a Facebook app in development
 * mode does for its developers.
 */
public final class SandboxFacebook implements AutoCloseable {
    public static final String APP_ID = "demo-app";
    /** Public on purpose: the sandbox holds made-up data only. */
    public static final String APP_SECRET = "demo-secret";
    /** The Graph version in the sandbox's URLs; any {@code /vNN.N} prefix, or none, is served the same. */
    public static final String GRAPH_VERSION = "v25.0";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String root;

    private SandboxFacebook(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.root = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + GRAPH_VERSION;
    }

    /** Starts the sandbox on a free port of 127.0.0.1. */
    public static SandboxFacebook start(Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "sandbox-facebook");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            SandboxFacebook sandbox = new SandboxFacebook(server, executor);
            server.createContext("/", new SandboxRoutes(new SeededGraph(), new SandboxTokens(clock), sandbox.root));
            server.start();
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox Facebook cannot listen on 127.0.0.1", e);
        }
    }

    /** Graph's base URL, for the element's {@code base.url}. */
    public String graphUrl() {
        return root;
    }

    /** The login dialog, for {@code oauth.authorization.url}. */
    public String authorizationUrl() {
        return root + "/dialog/oauth";
    }

    /** The token endpoint, for {@code oauth.token.url}. */
    public String tokenUrl() {
        return root + "/oauth/access_token";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
