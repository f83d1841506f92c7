package dev.elements.declarative;

import dev.elements.core.conformance.ConformanceFake;
import dev.elements.core.conformance.ElementProviderConformance;
import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.spi.ElementProvider;
import dev.elements.declarative.fake.FakeGitHub;
import java.util.Map;

/**
 * The shipped github element keeps the SPI's promises against the fake GitHub. The fake runs as a
 * GitHub App with expiring user tokens, the flavour with renewal; an OAuth app's tokens never
 * expire, which {@link GitHubElementTest} covers.
 */
class GitHubConformanceTest extends ElementProviderConformance {

    @Override
    protected ElementProvider provider() {
        return ShippedElements.named("github");
    }

    @Override
    protected ConformanceFake startFake() {
        return new GitHubFake(FakeGitHub.startAsGitHubApp());
    }

    private static final class GitHubFake implements ConformanceFake {
        private final FakeGitHub github;
        private FakeOAuth2User user;

        GitHubFake(FakeGitHub github) {
            this.github = github;
        }

        @Override
        public Map<String, String> endpoints() {
            return github.endpoints();
        }

        @Override
        public Map<String, String> application() {
            return Map.of("oauth.api.key", github.app().id(), "oauth.api.secret", github.app().secret(),
                    "oauth.callback.url", FakeGitHub.CALLBACK);
        }

        @Override
        public String issueCode(String codeChallenge) {
            user = github.createUser("octo" + System.nanoTime());
            return github.issueCode(user, codeChallenge);
        }

        @Override
        public void revokeAll() {
            github.provider().revokeAll();
        }

        @Override
        public void goDown() {
            github.provider().setDown(true);
        }

        @Override
        public void recover() {
            github.provider().setDown(false);
        }

        @Override
        public String seededList(int items) {
            github.seedRepos(user, items);
            return "user/me/repos";
        }

        @Override
        public void close() {
            github.close();
        }
    }
}
