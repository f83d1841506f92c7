package dev.elements.bench.scale;

import static java.util.Objects.requireNonNull;

import dev.elements.bench.suite.BenchSuite;
import dev.elements.bench.suite.StandIns;
import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.CredentialState;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.service.CredentialVault;
import dev.elements.core.service.OrganizationBootstrap;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import dev.elements.core.tenant.User;
import dev.elements.persistence.PersistenceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes Facebook instances straight into the platform's database, not through Facebook and not
 * over HTTP, with the platform's own storage and sealing: each row is what provisioning would have
 * stored for a code grant at the stand-in Facebook (its tokens, its configuration, its element
 * token's digest, its credential state), so that the platform serves, lists and renews it as any
 * other. The instances belong to the bootstrap organization of {@link BenchSuite}'s secrets, created
 * here as the platform would create it at its first start when the database has none.
 *
 * <p>The repository stores one instance per transaction, so the seeder runs several writers at
 * once; a handful keep the database busy on two cores.
 *
 * <p>Usage: {@code InstanceSeeder <jdbc url> <user> <password> <base64 master key> <count> [due]}:
 * prints the id and element token of the first instances it made.
 */
public final class InstanceSeeder {
    /** Element tokens of this many of the instances a call made are handed back, for requests. */
    static final int SAMPLES = 5;
    private static final ElementKey FACEBOOK = ElementKey.of("facebooksocial");
    /** What the stand-in's {@code debug_token} reports, as provisioning would have learnt it. */
    private static final List<String> SCOPES = List.of("public_profile", "email");
    private static final Duration TOKEN_LIFE = Duration.ofDays(60);
    /** The common {@code oauth.user.refresh_interval} default, which a Facebook instance keeps. */
    private static final Duration RENEWAL_INTERVAL = Duration.ofHours(1);
    /** {@code FacebookElementProvider.renewBeforeExpiry()}: Facebook tokens are renewed a day ahead. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(1);
    private static final int WRITERS = 8;
    /** The configuration the suite provisions with, split as provisioning splits it: in the row, and sealed. */
    private static final Map<String, String> PLAIN_CONFIGURATION = plainConfiguration();
    private static final Map<String, String> SECRET_CONFIGURATION = Map.of(CommonConfiguration.OAUTH_API_SECRET,
            BenchSuite.APP_SECRET);

    private final InstanceRepository instances;
    private final CredentialVault vault;
    private final Principal owner;
    private final Clock clock;
    private final SecretGenerator secrets = new SecretGenerator();
    private final AtomicLong serial = new AtomicLong();

    /** Whether the seeded instances' renewal is far ahead, or due now (their token expires within a day). */
    public enum Renewal {
        FAR_AHEAD, DUE
    }

    /** An instance an application can call: its id, and its element token (shown once, as on creation). */
    public record Sample(InstanceId id, String elementToken) {
    }

    /** How many instances one call made, how long it took, and a few of them to call. */
    public record Seeded(int count, Duration took, List<Sample> samples) {
        public double perSecond() {
            return count / Math.max(1e-9, took.toNanos() / 1e9);
        }
    }

    public InstanceSeeder(PersistenceStore store, Clock clock) {
        requireNonNull(store, "store");
        this.instances = store.instances();
        this.vault = new CredentialVault(store.credentialCipher());
        this.clock = requireNonNull(clock, "clock");
        this.owner = bootstrapOrganization(store);
    }

    /** The organization of the suite's secrets: made as the platform's first start makes it, or found. */
    private static Principal bootstrapOrganization(PersistenceStore store) {
        new OrganizationBootstrap(store.tenants(), new SecretGenerator())
                .createFirstIfEmpty(BenchSuite.ORGANIZATION_SECRET, BenchSuite.USER_SECRET);
        User user = store.tenants().findUserBySecret(SecretDigest.of(BenchSuite.USER_SECRET))
                .orElseThrow(() -> new IllegalStateException("The database has an organization, but not the"
                        + " bench suite's: seed an empty database or one the suite made"));
        return new Principal(store.tenants().findOrganization(user.organizationId()).orElseThrow(), user);
    }

    /** Stores {@code count} more instances; the element tokens of {@link #SAMPLES} of them come back. */
    public Seeded seed(int count, Renewal renewal) throws InterruptedException {
        return seed(count, renewal, SAMPLES);
    }

    /** Stores {@code count} more instances; the element tokens of {@code wanted} of them come back. */
    public Seeded seed(int count, Renewal renewal, int wanted) throws InterruptedException {
        if (count <= 0) {
            return new Seeded(0, Duration.ZERO, List.of());
        }
        long started = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(Math.min(WRITERS, count));
        List<Sample> samples = new ArrayList<>();
        try {
            List<Future<?>> work = new ArrayList<>();
            int perWriter = (count + WRITERS - 1) / WRITERS;
            for (int from = 0; from < count; from += perWriter) {
                int n = Math.min(perWriter, count - from);
                work.add(writers.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        Sample made = insertOne(renewal);
                        synchronized (samples) {
                            if (samples.size() < wanted) {
                                samples.add(made);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Seeding failed", e.getCause());
        } finally {
            writers.shutdownNow();
        }
        return new Seeded(count, Duration.ofNanos(System.nanoTime() - started), List.copyOf(samples));
    }

    /** What {@code ProvisioningService} stores after a code grant for one user at the stand-in Facebook. */
    private Sample insertOne(Renewal renewal) {
        String user = "s" + serial.incrementAndGet();
        Instant now = clock.instant();
        // A due instance got its token two months ago, and the token expires within the day.
        Instant obtained = renewal == Renewal.DUE ? now.minus(TOKEN_LIFE).plus(Duration.ofHours(12)) : now;
        TokenSet tokens = new TokenSet("bench.long." + user + ".0", null, obtained.plus(TOKEN_LIFE), SCOPES, user);
        CredentialState credentials = CredentialState.obtained(obtained, tokens.expiresAt(), RENEWAL_INTERVAL,
                RENEW_BEFORE_EXPIRY);
        InstanceId id = instances.nextId();
        String elementToken = secrets.newSecret();
        instances.insert(new Instance(id, owner.organizationId(), owner.user().id(), FACEBOOK, "bench " + user,
                List.of(), PLAIN_CONFIGURATION, vault.seal(new InstanceSecrets(tokens, SECRET_CONFIGURATION),
                        owner.organizationId(), id), user,
                SecretDigest.of(elementToken), false, credentials, now, now, 1));
        return new Sample(id, elementToken);
    }

    private static Map<String, String> plainConfiguration() {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put(CommonConfiguration.OAUTH_API_KEY, StandIns.APP_ID);
        plain.put(CommonConfiguration.OAUTH_CALLBACK_URL, BenchSuite.CALLBACK);
        return java.util.Collections.unmodifiableMap(plain);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("Usage: InstanceSeeder <jdbc url> <user> <password> <base64 master key> <count> [due]");
            System.exit(2);
        }
        byte[] masterKey = Base64.getDecoder().decode(args[3]);
        Renewal renewal = args.length > 5 && args[5].equals("due") ? Renewal.DUE : Renewal.FAR_AHEAD;
        try (PersistenceStore store = PersistenceStore.open(args[0], args[1], args[2], masterKey)) {
            Seeded seeded = new InstanceSeeder(store, Clock.systemUTC()).seed(Integer.parseInt(args[4]), renewal);
            System.out.printf("Seeded %d instances in %.1f s (%.0f/s)%n", seeded.count(), seeded.took().toMillis() / 1e3,
                    seeded.perSecond());
            for (Sample sample : seeded.samples()) {
                System.out.println("instance " + sample.id() + " element token " + sample.elementToken());
            }
        }
    }
}
