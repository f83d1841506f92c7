package dev.elements.declarative;

import dev.elements.core.conformance.ConformanceFake;
import dev.elements.core.conformance.ElementProviderConformance;
import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.spi.ElementProvider;
import dev.elements.declarative.fake.FakeLinkedIn;
import java.util.Map;

/** The shipped linkedin element keeps the SPI's promises against the fake LinkedIn. */
class LinkedInConformanceTest extends ElementProviderConformance {

    @Override
    protected ElementProvider provider() {
        return ShippedElements.named("linkedin");
    }

    @Override
    protected ConformanceFake startFake() {
        return new LinkedInFake(FakeLinkedIn.start());
    }

    private static final class LinkedInFake implements ConformanceFake {
        private final FakeLinkedIn linkedIn;
        private FakeOAuth2User user;

        LinkedInFake(FakeLinkedIn linkedIn) {
            this.linkedIn = linkedIn;
        }

        @Override
        public Map<String, String> endpoints() {
            return linkedIn.endpoints();
        }

        @Override
        public Map<String, String> application() {
            return Map.of("oauth.api.key", linkedIn.app().id(), "oauth.api.secret", linkedIn.app().secret(),
                    "oauth.callback.url", FakeLinkedIn.CALLBACK);
        }

        @Override
        public String issueCode(String codeChallenge) {
            user = linkedIn.createUser("Member " + System.nanoTime());
            return linkedIn.issueCode(user, codeChallenge);
        }

        @Override
        public void revokeAll() {
            linkedIn.provider().revokeAll();
        }

        @Override
        public void goDown() {
            linkedIn.provider().setDown(true);
        }

        @Override
        public void recover() {
            linkedIn.provider().setDown(false);
        }

        @Override
        public String seededList(int items) {
            linkedIn.seedOrganizations(user, items);
            return "organizations";
        }

        @Override
        public void close() {
            linkedIn.close();
        }
    }
}
