package dev.elements.bench.micro;

import dev.elements.core.instance.InstanceSecrets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Loading an instance and opening its sealed credentials: a read of the instance row by id from the
 * embedded database, then {@code CredentialVault.open} with the store's Tink cipher (AES-GCM bound to
 * the organization and instance), as a hub call does before it calls the provider.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class CredentialLoading {
    @Benchmark
    public InstanceSecrets loadAndDecrypt(StoredInstances stored) {
        return stored.vault().open(stored.repository().findById(stored.nextId()).orElseThrow());
    }
}
