package dev.elements.twitter;

import dev.elements.core.conformance.ConformanceFake;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.twitter.fake.FakeX;
import dev.elements.twitter.fake.FakeXUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The fake X as the conformance kit sees it. */
final class XConformanceFake implements ConformanceFake {
    static final String CLIENT_ID = "conformance-client";
    static final String CLIENT_SECRET = "conformance-secret-5f1c9e";
    static final String CALLBACK = "https://elements.test/callback";

    private final FakeX x = FakeX.start();
    private final FakeOAuth2Client app = x.registerApp(CLIENT_ID, CLIENT_SECRET, CALLBACK);
    private final List<String> codes = new ArrayList<>();
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
        user = x.createUser("User " + (codes.size() + 1));
        String code = x.issueCode(app, user, CALLBACK, codeChallenge, TwitterFacts.DEFAULT_SCOPE.split(" "));
        codes.add(code);
        return code;
    }

    /**
     * Redeems every issued code once more: X (like RFC 6749 section 4.1.2 advises) then revokes the
     * tokens the code gave, which is what a user revoking the app does to them.
     */
    @Override
    public void revokeAll() {
        HttpClient client = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        for (String code : codes) {
            String form = "grant_type=authorization_code&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                    + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8);
            try {
                client.send(HttpRequest.newBuilder(URI.create(x.tokenUrl()))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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
