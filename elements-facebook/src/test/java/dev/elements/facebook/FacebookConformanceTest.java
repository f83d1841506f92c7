package dev.elements.facebook;

import dev.elements.core.conformance.ConformanceFake;
import dev.elements.core.conformance.ElementProviderConformance;
import dev.elements.core.spi.ElementProvider;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The facebooksocial element keeps the SPI's promises against the fake Facebook. */
class FacebookConformanceTest extends ElementProviderConformance {

    @Override
    protected ElementProvider provider() {
        return new FacebookElementProvider();
    }

    @Override
    protected ConformanceFake startFake() {
        return new FacebookConformanceFake();
    }

    /** The fake Facebook as the kit sees it: one app, a fresh user per code, posts as the list. */
    private static final class FacebookConformanceFake implements ConformanceFake {
        private static final String CALLBACK = "https://elements.test/callback";

        private final FakeFacebook facebook = FakeFacebook.start();
        private final FakeApp app = facebook.registerApp("4242424242", "conformance-app-secret-8d1e", CALLBACK);
        private final List<FakeUser> users = new ArrayList<>();

        @Override
        public Map<String, String> endpoints() {
            return Map.of("oauth.authorization.url", facebook.authorizationUrl(), "oauth.token.url",
                    facebook.tokenUrl(), "base.url", facebook.graphUrl());
        }

        @Override
        public Map<String, String> application() {
            return Map.of("oauth.api.key", app.id(), "oauth.api.secret", app.secret(), "oauth.callback.url", CALLBACK);
        }

        @Override
        public String issueCode(String codeChallenge) {
            FakeUser user = facebook.createUser("Conformance User " + (users.size() + 1));
            users.add(user);
            return facebook.issueCode(app, user, CALLBACK, "public_profile", "user_posts");
        }

        @Override
        public void revokeAll() {
            users.forEach(facebook::revoke);
        }

        @Override
        public void goDown() {
            facebook.setDown(true);
        }

        @Override
        public void recover() {
            facebook.setDown(false);
        }

        @Override
        public String seededList(int items) {
            FakeUser owner = users.get(users.size() - 1);
            for (int i = 0; i < items; i++) {
                facebook.addPost(owner, "Post " + i);
            }
            return "user/me/status";
        }

        @Override
        public void close() {
            facebook.close();
        }
    }
}
