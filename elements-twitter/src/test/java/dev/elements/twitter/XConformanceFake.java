package dev.elements.twitter;

import dev.elements.core.conformance.ConformanceFake;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.twitter.fake.FakeX;
import dev.elements.twitter.fake.FakeXUser;
import java.util.Map;

/** The fake X as the conformance kit sees it. */
final class XConformanceFake implements ConformanceFake {
    static final String CLIENT_ID = "conformance-client";
    static final String CLIENT_SECRET = "conformance-secret-5f1c9e";
    static final String CALLBACK = "https://elements.test/callback";

    private final FakeX x = FakeX.start();
    private final FakeOAuth2Client app = x.registerApp(CLIENT_ID, CLIENT_SECRET, CALLBACK);
    private int users;
    private FakeXUser user;

    @Override
    public Map<String, String> endpoints() {
        return Map.of("oauth.authorization.url", x.authorizationUrl(), "oauth.token.url", x.tokenUrl(),
                "base.url", x.apiBaseUrl());
    }

    @Override
    public Map<String, String> application() {
        return Map.of("oauth.api.key", CLIENT_ID, "oauth.api.secret", CLIENT_SECRET, "oauth.callback.url", CALLBACK);
    }

    @Override
    public String issueCode(String codeChallenge) {
        user = x.createUser("User " + ++users);
        return x.issueCode(app, user, CALLBACK, codeChallenge, TwitterFacts.DEFAULT_SCOPE.split(" "));
    }

    @Override
    public void revokeAll() {
        x.provider().revokeAll();
    }

    @Override
    public void goDown() {
        x.setDown(true);
    }

    @Override
    public void recover() {
        x.setDown(false);
    }

    /** The user's own posts, through {@code me}. */
    @Override
    public String seededList(int items) {
        for (int i = 1; i <= items; i++) {
            x.postTweet(user, "Post " + i);
        }
        return "user/me/status";
    }

    @Override
    public void close() {
        x.close();
    }
}
