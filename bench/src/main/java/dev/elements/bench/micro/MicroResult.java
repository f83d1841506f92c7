package dev.elements.bench.micro;

import static java.util.Objects.requireNonNull;

/**
 * One micro-benchmark's figure.
 *
 * @param name the benchmark, as {@code Class.method}
 * @param microsPerOp the mean time of one operation, in microseconds
 * @param errorMicros the half-width of its 99.9% confidence interval, in microseconds; NaN when
 *     one measurement iteration gives no interval (the smoke run)
 */
public record MicroResult(String name, double microsPerOp, double errorMicros) {
    public MicroResult {
        requireNonNull(name, "name");
    }
}
