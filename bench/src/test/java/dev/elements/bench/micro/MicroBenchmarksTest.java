package dev.elements.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The micro-benchmarks still run, each to a figure: a smoke run, with no judgement of the figures. */
class MicroBenchmarksTest {
    @Test
    void eachPerRequestCostIsMeasured() {
        List<MicroResult> figures = MicroBenchmarks.run(true);

        assertThat(figures).extracting(MicroResult::name).containsExactly(
                "ElementTokenAuthentication.authenticate",
                "CredentialLoading.loadAndDecrypt",
                "GraphRequestBuilding.buildUserMe");
        assertThat(figures).allSatisfy(figure -> assertThat(figure.microsPerOp()).isPositive().isFinite());
    }
}
