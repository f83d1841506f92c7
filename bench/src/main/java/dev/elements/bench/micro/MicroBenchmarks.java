package dev.elements.bench.micro;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the micro-benchmarks of a hub call's per-request costs through JMH: authenticating the
 * element token, loading and decrypting the credentials, building the Graph request with its proof.
 *
 * <p>The full run forks one JVM per benchmark, with the class path of this one (so start it with
 * {@code java -cp}, not from a jar whose manifest names the class path): 4 s of warm-up and 5 s of
 * measurement each, about 45 s in all on a quiet machine. The smoke run, for the build's test, runs
 * in this JVM with one short iteration each and 10 stored instances instead of 1,000: a few
 * seconds, proof only that the benchmarks still run.
 */
public final class MicroBenchmarks {
    /** In the order the hub call pays them. */
    private static final List<Class<?>> BENCHMARKS =
            List.of(ElementTokenAuthentication.class, CredentialLoading.class, GraphRequestBuilding.class);

    private MicroBenchmarks() {
    }

    /**
     * @param smoke whether to run a few seconds in this JVM instead of a measurement worth quoting
     * @return one result per benchmark, in the order the hub call pays them
     */
    public static List<MicroResult> run(boolean smoke) {
        ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true);
        BENCHMARKS.forEach(benchmark -> options.include("^" + Pattern.quote(benchmark.getName() + ".")));
        if (smoke) {
            options.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                    .param("instances", "10").verbosity(VerboseMode.SILENT);
        } else {
            // Four seconds of warm-up: after two, the figures still fell by half while the JIT compiled.
            options.forks(1).warmupIterations(4).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("The micro-benchmarks failed: " + e.getMessage(), e);
        }
        List<MicroResult> figures = new ArrayList<>();
        for (Class<?> benchmark : BENCHMARKS) {
            results.stream().filter(result -> result.getParams().getBenchmark().startsWith(benchmark.getName() + "."))
                    .forEach(result -> figures.add(figure(benchmark, result)));
        }
        return figures;
    }

    private static MicroResult figure(Class<?> benchmark, RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        if (!"us/op".equals(primary.getScoreUnit())) {
            throw new IllegalStateException(benchmark.getSimpleName() + " reports " + primary.getScoreUnit()
                    + ", not us/op");
        }
        String method = result.getParams().getBenchmark().substring(benchmark.getName().length() + 1);
        return new MicroResult(benchmark.getSimpleName() + "." + method, primary.getScore(),
                primary.getScoreError());
    }
}
