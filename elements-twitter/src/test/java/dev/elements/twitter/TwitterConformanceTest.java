package dev.elements.twitter;

import dev.elements.core.conformance.ConformanceFake;
import dev.elements.core.conformance.ElementProviderConformance;
import dev.elements.core.spi.ElementProvider;

class TwitterConformanceTest extends ElementProviderConformance {
    @Override
    protected ElementProvider provider() {
        return new TwitterElementProvider();
    }

    @Override
    protected ConformanceFake startFake() {
        return new XConformanceFake();
    }
}
