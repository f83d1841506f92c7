/**
 * JMH micro-benchmarks of what every hub call pays inside the platform, apart from the network:
 * {@link dev.elements.bench.micro.ElementTokenAuthentication}, {@link dev.elements.bench.micro.CredentialLoading}
 * and {@link dev.elements.bench.micro.GraphRequestBuilding}, on the real parts (embedded H2 file
 * database, Tink cipher, the Facebook element), run by {@link dev.elements.bench.micro.MicroBenchmarks}.
 *
 * <p>The benchmark and state classes are public and not final because JMH's generated code
 * subclasses and instantiates them.
 */
package dev.elements.bench.micro;
