package dev.elements.bench.micro;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Finding the instance of a hub call from {@code Authorization: Element <token>}: the platform's
 * public hub use case ({@code CallHubUseCase.authenticate}), which digests the token (SHA-256) and
 * looks the digest up in the instances table of the embedded database, as every hub call does first.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class ElementTokenAuthentication {
    @Benchmark
    public void authenticate(StoredInstances stored) {
        stored.hub().authenticate(stored.nextCredentials());
    }
}
