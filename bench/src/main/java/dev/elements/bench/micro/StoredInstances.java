package dev.elements.bench.micro;

import dev.elements.bench.scale.InstanceSeeder;
import dev.elements.core.Elements;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.service.CredentialVault;
import dev.elements.facebook.FacebookElementProvider;
import dev.elements.persistence.PersistenceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The embedded database as the server keeps it (H2 file, migrated schema, Tink-sealed credentials)
 * with {@link #instances} Facebook instances of one organization, and the platform's hub on top of
 * it, built by {@link Elements} from the store's own adapters. The benchmarks visit the instances in
 * turn, so no single row is the only one read.
 */
@State(Scope.Benchmark)
public class StoredInstances {
    /** How many instances the database holds; a lookup by digest or id must not depend on it. */
    @Param("1000")
    public int instances;

    private Path dataDirectory;
    private PersistenceStore store;
    private CallHubUseCase hub;
    private CredentialVault vault;
    private PresentedCredentials[] presented;
    private InstanceId[] ids;
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException, InterruptedException {
        dataDirectory = Files.createTempDirectory("elements-micro-");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        store = PersistenceStore.open(PersistenceStore.h2FileUrl(dataDirectory), null, null, masterKey);
        vault = new CredentialVault(store.credentialCipher());
        hub = Elements.builder()
                .instances(store.instances()).tenants(store.tenants()).cipher(store.credentialCipher())
                .leases(store.refreshLeases()).idempotency(store.idempotencyRecords())
                .usageLedger(store.providerUsageLedger()).pendingAuthorizations(store.pendingAuthorizations())
                .provider(new FacebookElementProvider())
                .build().hub();
        // The suite's seeding tool stores them, as provisioning would have; every one comes back.
        List<InstanceSeeder.Sample> seeded = new InstanceSeeder(store, Clock.systemUTC())
                .seed(instances, InstanceSeeder.Renewal.FAR_AHEAD, instances).samples();
        presented = seeded.stream()
                .map(sample -> new PresentedCredentials(null, null, sample.elementToken(), null))
                .toArray(PresentedCredentials[]::new);
        ids = seeded.stream().map(InstanceSeeder.Sample::id).toArray(InstanceId[]::new);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(StoredInstances::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform's hub use case, reading this store. */
    CallHubUseCase hub() {
        return hub;
    }

    InstanceRepository repository() {
        return store.instances();
    }

    CredentialVault vault() {
        return vault;
    }

    /** An element token as a hub request presents it, a different instance's each time. */
    PresentedCredentials nextCredentials() {
        return presented[advance()];
    }

    /** An instance's id, a different one each time. */
    InstanceId nextId() {
        return ids[advance()];
    }

    private int advance() {
        int current = next;
        next = (next + 1) % instances;
        return current;
    }
}
