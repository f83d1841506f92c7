package dev.elements.core.port.in;

import java.time.Duration;

/** Keeps provider credentials fresh before they expire, without waiting for a call to need them. */
public interface RenewCredentialsUseCase {
    /**
     * Sweeps for instances whose credentials are due, every {@code period}, renewing up to
     * {@code batch} per sweep; nodes sharing storage share the work through its leases.
     *
     * @return stops the sweeping when closed
     */
    AutoCloseable startBackground(Duration period, int batch);
}
