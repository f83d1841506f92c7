package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.DataDeletions;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.EventPolls;
import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.ConnectSessions;
import dev.elements.core.port.out.PendingAuthorizations;
import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.ReadinessCheck;
import dev.elements.core.port.out.RefreshLeases;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.port.out.TenantRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's storage on one database, H2 or PostgreSQL: opens a connection pool, brings the
 * schema up to date and hands out the repositories, renewal leases, idempotency records, the
 * credential cipher with its key store and the sealed secrets a rotation moves, the provider usage
 * ledger, the event outbox with the polling schedule and the data deletion records, and a
 * readiness check.
 * Nodes sharing a PostgreSQL database share everything through it, keys included. Instances found
 * by element token are cached (see {@link InstanceTokenCache}); on PostgreSQL each store listens
 * for the other nodes' writes of instances, on a connection of its own beside the pool.
 *
 * <p>This is the storage module's one place of wiring: every adapter it offers is built here, and a
 * host binds each to its core port (the server does so in app's {@code PersistenceModule}).
 */
public final class PersistenceStore implements AutoCloseable {
    /** How long opening keeps trying to reach the database: long enough for one that is still starting. */
    static final Duration INITIAL_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /**
     * The longest a caller waits for a connection, and the driver's login timeout: a request fails
     * within seconds instead of hanging on a database that is gone.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceStore.class);
    private static final int STATEMENT_TEXT_LIMIT = 500;
    private static final String POSTGRESQL = "PostgreSQL";
    static final String SYNCHRONOUS_COMMIT = "SELECT set_config('synchronous_commit', 'on', false)"
            + " WHERE current_setting('synchronous_commit') = 'off'";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String kind;
    private final JdbiInstanceRepository instances;
    private final JdbiTenantRepository tenants;
    private final JdbiRefreshLeases refreshLeases;
    private final JdbiIdempotencyRecords idempotencyRecords;
    private final JdbiProviderUsageLedger providerUsageLedger;
    private final JdbiPendingAuthorizations pendingAuthorizations;
    private final JdbiEventOutbox eventOutbox;
    private final JdbiEventPolls eventPolls;
    private final JdbiDataDeletions dataDeletions;
    private final JdbiConnectSessions connectSessions;
    private final TinkCredentialCipher cipher;
    private final JdbiSealedSecrets sealedSecrets;
    private final DatabaseReadinessCheck readiness;
    private final InstanceTokenCache instanceTokens;
    /** Null on H2: embedded in one process, the store hears all writes of its instances itself. */
    private final InstanceChangeListener instanceChanges;

    private PersistenceStore(HikariDataSource dataSource, Jdbi jdbi, String kind, Clock clock,
            TinkCredentialCipher cipher, StorageFailures failures, WriteProbe writeProbe,
            InstanceTokenCache instanceTokens, InstanceChangeListener instanceChanges) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        this.kind = kind;
        this.instanceTokens = instanceTokens;
        this.instanceChanges = instanceChanges;
        InstanceWrites instanceWrites = new InstanceWrites(jdbi, instanceTokens, instanceChanges != null);
        this.instances = new JdbiInstanceRepository(jdbi, writeProbe, instanceTokens, instanceWrites);
        this.tenants = new JdbiTenantRepository(jdbi, clock);
        this.refreshLeases = new JdbiRefreshLeases(jdbi);
        this.idempotencyRecords = new JdbiIdempotencyRecords(jdbi);
        this.providerUsageLedger = new JdbiProviderUsageLedger(jdbi);
        this.pendingAuthorizations = new JdbiPendingAuthorizations(jdbi);
        this.eventOutbox = new JdbiEventOutbox(jdbi);
        this.eventPolls = new JdbiEventPolls(jdbi);
        this.dataDeletions = new JdbiDataDeletions(jdbi);
        this.connectSessions = new JdbiConnectSessions(jdbi);
        this.cipher = cipher;
        this.sealedSecrets = new JdbiSealedSecrets(jdbi, instanceWrites);
        this.readiness = new DatabaseReadinessCheck(dataSource, READINESS_TIMEOUT, failures, writeProbe);
    }

    /**
     * Opens the store with the system clock.
     *
     * @see #open(String, String, String, byte[], Clock)
     */
    public static PersistenceStore open(String jdbcUrl, String user, String password, byte[] masterKey) {
        return open(jdbcUrl, user, password, masterKey, Clock.systemUTC());
    }

    /**
     * Connects, migrates the schema and loads (on an empty database: creates) the credential keys.
     *
     * @param jdbcUrl {@code jdbc:postgresql://...}, or an H2 URL such as {@link #h2FileUrl(Path)}
     * @param user the database login; null or empty for none
     * @param password the database password; null or empty for none
     * @param masterKey the 32 bytes that wrap the stored encryption keys
     * @param clock stamps creation times, and tells the cipher when to check for a newer keyset
     * @throws PersistenceStartupException when the database cannot be reached or migrated, or the
     *     master key does not open the stored keys; the message names the URL, never a password
     * @throws IllegalArgumentException when the master key is not 32 bytes, before any connection
     */
    public static PersistenceStore open(String jdbcUrl, String user, String password, byte[] masterKey,
            Clock clock) {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(masterKey, "masterKey");
        requireNonNull(clock, "clock");
        TinkCredentialCipher.checkMasterKey(masterKey);
        String shownUrl = JdbcUrls.redact(jdbcUrl);
        HikariDataSource dataSource = connect(jdbcUrl, shownUrl, user, password);
        try {
            String kind = kindOf(dataSource, shownUrl);
            migrate(dataSource, shownUrl);
            StorageFailures failures = new StorageFailures(renewConnections(dataSource));
            WriteProbe writeProbe = new WriteProbe(dataSource, failures, clock);
            if (!writeProbe.storesWrites()) {
                throw new PersistenceStartupException("The database at " + shownUrl + " does not store writes"
                        + " (is it read-only, or its disk full?): the server would acknowledge writes it cannot keep");
            }
            Jdbi jdbi = jdbi(dataSource, failures);
            TinkCredentialCipher cipher = TinkCredentialCipher.load(new EncryptionKeysets(jdbi, clock), masterKey, clock);
            LOG.info("Opened the {} database at {}", kind, shownUrl);
            InstanceTokenCache instanceTokens = InstanceTokenCache.standard();
            // Other nodes may share a PostgreSQL database: the cache waits until it hears their writes.
            InstanceChangeListener instanceChanges = POSTGRESQL.equals(kind)
                    ? InstanceChangeListener.start(jdbcUrl, shownUrl, user, password, instanceTokens)
                    : null;
            return new PersistenceStore(dataSource, jdbi, kind, clock, cipher, failures, writeProbe, instanceTokens,
                    instanceChanges);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The embedded default: an H2 file database in {@code dataDirectory}, in the PostgreSQL mode
     * that lets one set of migrations serve both databases.
     */
    public static String h2FileUrl(Path dataDirectory) {
        return JdbcUrls.h2File(requireNonNull(dataDirectory, "dataDirectory"));
    }

    public InstanceRepository instances() {
        return instances;
    }

    public TenantRepository tenants() {
        return tenants;
    }

    /** Renewal leases on the instance rows, shared by every node on this database. */
    public RefreshLeases refreshLeases() {
        return refreshLeases;
    }

    public IdempotencyRecords idempotencyRecords() {
        return idempotencyRecords;
    }

    /**
     * Provider usage readings, shared by every node on this database, so that all of them hold
     * back an application's calls together when its provider budget runs out.
     */
    public ProviderUsageLedger providerUsageLedger() {
        return providerUsageLedger;
    }

    /** The PKCE verifiers of logins under way, shared by every node on this database. */
    public PendingAuthorizations pendingAuthorizations() {
        return pendingAuthorizations;
    }

    /**
     * The notifications to applications, shared by every node on this database: each event is
     * claimed by one node at a time, so it is sent once however many nodes deliver.
     */
    public EventOutbox eventOutbox() {
        return eventOutbox;
    }

    /** The polling schedule, shared by every node on this database: one node polls an instance at a time. */
    public EventPolls eventPolls() {
        return eventPolls;
    }

    /** The data deletions done at providers' users' request, for their status pages on any node. */
    public DataDeletions dataDeletions() {
        return dataDeletions;
    }

    /** Hosted connect sessions, shared by every node on this database. */
    public ConnectSessions connectSessions() {
        return connectSessions;
    }

    public CredentialCipher credentialCipher() {
        return cipher;
    }

    /**
     * The keys of the {@linkplain #credentialCipher() cipher}, for core's key rotation: its nodes
     * take up a new key within about eleven seconds ({@link CredentialKeyStore#adoptionDelay()}).
     */
    public CredentialKeyStore credentialKeys() {
        return cipher;
    }

    /** The stored ciphertexts by key, which core's key rotation seals again under a new key. */
    public SealedSecrets sealedSecrets() {
        return sealedSecrets;
    }

    /** Named {@code database}: a {@code SELECT 1} that answers within a few seconds and never throws. */
    public ReadinessCheck readinessCheck() {
        return readiness;
    }

    /** {@code H2} or {@code PostgreSQL}. */
    public String kind() {
        return kind;
    }

    /**
     * Has the connection pool report its connections (active, idle, pending, timeouts, usage and
     * acquisition times) to {@code registry} as {@code hikaricp_*} meters of the pool {@code elements}.
     * Once per store.
     */
    public void reportPoolMetricsTo(MeterRegistry registry) {
        dataSource.setMetricRegistry(requireNonNull(registry, "registry"));
    }

    /** For this module's tests, which look at rows directly. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** For this module's tests, which see what is cached and forget it when they change rows directly. */
    InstanceTokenCache instanceTokens() {
        return instanceTokens;
    }

    /** For this module's tests, which break the connection to see the cache survive it; null on H2. */
    InstanceChangeListener instanceChanges() {
        return instanceChanges;
    }

    @Override
    public void close() {
        if (instanceChanges != null) {
            instanceChanges.close();
        }
        readiness.close();
        dataSource.close();
    }

    private static HikariDataSource connect(String jdbcUrl, String shownUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("elements");
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // PostgreSQL otherwise puts the failing row into exception messages ("Failing row
            // contains ..."), ciphertexts and digests included, and exception messages get logged.
            config.addDataSourceProperty("logServerErrorDetail", "false");
            // A 200 means the write is on disk: a server or database configured with
            // synchronous_commit = off would acknowledge commits it can still lose, so our sessions
            // turn it back on (stronger settings, such as remote_apply, are kept).
            config.setConnectionInitSql(SYNCHRONOUS_COMMIT);
        }
        config.setInitializationFailTimeout(INITIAL_CONNECTION_TIMEOUT.toMillis());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            String login = user == null || user.isEmpty() ? "" : " as user " + user;
            throw new PersistenceStartupException("Cannot connect to the database at " + shownUrl + login + ": "
                    + withoutPassword(rootMessage(e), password), e);
        }
    }

    private static String kindOf(DataSource dataSource, String shownUrl) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new PersistenceStartupException("Cannot read what database runs at " + shownUrl, e);
        }
        if ("H2".equals(product) || POSTGRESQL.equals(product)) {
            return product;
        }
        throw new PersistenceStartupException(
                "The database at " + shownUrl + " is " + product + "; Elements runs on H2 or PostgreSQL");
    }

    private static void migrate(DataSource dataSource, String shownUrl) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new PersistenceStartupException(
                    "Cannot bring the database schema at " + shownUrl + " up to date: " + rootMessage(e), e);
        }
    }

    /** Pooled connections are replaced as they are returned, and idle ones at once. */
    private static Runnable renewConnections(HikariDataSource dataSource) {
        return () -> {
            if (dataSource.getHikariPoolMXBean() != null) {
                dataSource.getHikariPoolMXBean().softEvictConnections();
            }
        };
    }

    private static Jdbi jdbi(DataSource dataSource, StorageFailures failures) {
        Jdbi jdbi = Jdbi.create(failures.connections(dataSource::getConnection)).installPlugin(new StoredTypes());
        // A database that cannot store a write answers 503 and marks itself failing for the health check.
        jdbi.setHandleCallbackDecorator(failures);
        // JDBI's default messages include the bound arguments, which here are ciphertexts and
        // digests: exception messages get logged, so they carry the statement only.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(PersistenceStore::withoutArguments);
        return jdbi;
    }

    private static String withoutArguments(StatementException exception) {
        String statement = exception.getStatementContext() == null
                ? null : exception.getStatementContext().getRawSql();
        if (statement == null) {
            return exception.getShortMessage();
        }
        String shortened = statement.length() > STATEMENT_TEXT_LIMIT
                ? statement.substring(0, STATEMENT_TEXT_LIMIT) + "..." : statement;
        return exception.getShortMessage() + " [statement: \"" + shortened.replaceAll("\\s+", " ") + "\"]";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Drivers do not echo passwords, but an operator's message is no place to find out otherwise. */
    static String withoutPassword(String message, String password) {
        String redacted = JdbcUrls.redact(message);
        return password == null || password.isEmpty() ? redacted : redacted.replace(password, "***");
    }
}
