package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.InstanceId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears which instances other nodes on the same PostgreSQL database wrote ({@link InstanceWrites}
 * notifies them) and has this node's {@link InstanceTokenCache} forget them. A daemon thread on a
 * connection of its own, outside the pool: {@code LISTEN} holds a session for as long as the node
 * runs. While it is not listening (starting, or after the connection was lost, until it is back)
 * notifications would be missed, so the cache is disabled; once listening again it starts empty.
 */
final class InstanceChangeListener implements AutoCloseable {
    /** How the connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "elements-instance-changes";

    private static final Logger LOG = LoggerFactory.getLogger(InstanceChangeListener.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Duration WAIT_FOR_NOTIFICATIONS = Duration.ofMillis(500);
    /**
     * A connection whose peer vanished without closing it never fails a wait for notifications, so
     * the listener asks the server something this often; {@link #SOCKET_TIMEOUT} bounds the answer.
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private final String jdbcUrl;
    private final String shownUrl;
    private final String password;
    private final Properties login;
    private final InstanceTokenCache tokens;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private InstanceChangeListener(String jdbcUrl, String shownUrl, String user, String password,
            InstanceTokenCache tokens) {
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl");
        this.shownUrl = requireNonNull(shownUrl, "shownUrl");
        this.tokens = requireNonNull(tokens, "tokens");
        this.password = password;
        this.login = new Properties();
        if (user != null && !user.isEmpty()) {
            login.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            login.setProperty("password", password);
        }
        login.setProperty("ApplicationName", APPLICATION_NAME);
        login.setProperty("connectTimeout", Long.toString(PersistenceStore.CONNECTION_TIMEOUT.toSeconds()));
        login.setProperty("loginTimeout", Long.toString(PersistenceStore.CONNECTION_TIMEOUT.toSeconds()));
        login.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
        login.setProperty("logServerErrorDetail", "false");
        this.thread = new Thread(this::run, APPLICATION_NAME);
        thread.setDaemon(true);
    }

    /** Starts listening in the background; {@code tokens} stays disabled until it does. */
    static InstanceChangeListener start(String jdbcUrl, String shownUrl, String user, String password,
            InstanceTokenCache tokens) {
        InstanceChangeListener listener = new InstanceChangeListener(jdbcUrl, shownUrl, user, password, tokens);
        tokens.disable();
        listener.thread.start();
        return listener;
    }

    /** The server process of the listening session, for tests that end it; empty while not connected. */
    Optional<Integer> backendPid() {
        Connection current = connection;
        if (current == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(current.unwrap(PGConnection.class).getBackendPID());
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private void run() {
        boolean lost = false;
        while (running) {
            try {
                listenUntilLost(lost);
                lost = false;
            } catch (SQLException | RuntimeException e) {
                if (running && !lost) {
                    LOG.warn("Not listening for instance changes at {} ({}): token lookups go to the database"
                            + " until it is back", shownUrl, PersistenceStore.withoutPassword(e.toString(), password));
                }
                lost = true;
                if (running) {
                    pause();
                }
            }
        }
    }

    /** Returns when closed; throws when the connection is lost or cannot be made. */
    private void listenUntilLost(boolean wasLost) throws SQLException {
        try (Connection listening = DriverManager.getConnection(jdbcUrl, login);
                Statement statement = listening.createStatement()) {
            connection = listening;
            statement.execute("LISTEN " + InstanceWrites.CHANNEL);
            tokens.enable();
            if (wasLost) {
                LOG.info("Listening for instance changes at {} again", shownUrl);
            }
            listen(listening.unwrap(PGConnection.class), statement);
        } finally {
            connection = null;
            tokens.disable();
        }
    }

    private void listen(PGConnection listening, Statement statement) throws SQLException {
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = listening.getNotifications((int) WAIT_FOR_NOTIFICATIONS.toMillis());
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    forget(notification.getParameter());
                }
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard >= HEARTBEAT.toNanos()) {
                statement.execute("SELECT 1");
                lastHeard = System.nanoTime();
            }
        }
    }

    private void forget(String payload) {
        Optional<InstanceId> id = InstanceId.parse(payload);
        if (id.isPresent()) {
            tokens.invalidate(id.get());
        } else {
            // Not one of ours: whatever it meant, forgetting everything is safe.
            tokens.invalidateAll();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the thread and closes its connection; the cache stays disabled. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                // Closing it is only to wake the thread; it ends either way.
            }
        }
        try {
            thread.join(RECONNECT_PAUSE.plus(WAIT_FOR_NOTIFICATIONS).toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
