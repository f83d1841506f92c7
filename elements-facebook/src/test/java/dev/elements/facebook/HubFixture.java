package dev.elements.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.PageRequest;
import dev.elements.core.hub.ResourceMatcher;
import dev.elements.core.instance.Configuration;
import dev.elements.core.net.JdkProviderHttp;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.query.Condition;
import dev.elements.core.spi.ElementContext;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.facebook.fake.RecordedRequest;
import dev.elements.testing.MultipartBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The plugin's hub against a fresh fake Facebook over real HTTP: an app whose secret is a canary,
 * Ada with a user token, and calls built as the platform builds them (matched by core's
 * {@link ResourceMatcher} against the element's own resources).
 */
final class HubFixture implements AutoCloseable {
    static final String APP_ID = "1234567890";
    /** A canary: it must never appear in anything the plugin returns or throws. */
    static final String APP_SECRET = "canary-app-secret-5d1c7e9b";
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final List<String> SCOPES = List.of("email", "user_posts", "user_photos", "user_videos", "user_likes",
            "user_friends", "pages_show_list", "pages_read_engagement", "pages_manage_posts");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final FacebookElementProvider provider = new FacebookElementProvider();
    final FakeFacebook facebook = FakeFacebook.start();
    final FakeApp app = facebook.registerApp(APP_ID, APP_SECRET);
    final FakeUser ada = facebook.createUser("Ada Lovelace");
    /** Ada's user token: the other canary. */
    final String token = facebook.issueUserToken(app, ada, SCOPES.toArray(String[]::new));

    @Override
    public void close() {
        facebook.close();
    }

    /** The instance's credentials, as the platform holds them. */
    TokenSet tokens() {
        return new TokenSet(token, null, null, SCOPES, ada.id());
    }

    Configuration configuration() {
        return configuration(APP_SECRET);
    }

    Configuration configuration(String appSecret) {
        Map<String, String> values = new HashMap<>(provider.definition().defaults());
        values.put("base.url", facebook.graphUrl());
        values.put("oauth.authorization.url", facebook.authorizationUrl());
        values.put("oauth.token.url", facebook.tokenUrl());
        values.put("oauth.api.key", APP_ID);
        values.put("oauth.api.secret", appSecret);
        values.put("oauth.callback.url", "https://app.example/callback");
        return Configuration.of(values);
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path, String body) {
        return new Call("POST", path).body(body);
    }

    Call delete(String path) {
        return new Call("DELETE", path);
    }

    /** A POST with a multipart body, as the platform hands an upload over: bytes and Content-Type as sent. */
    Call upload(String path, MultipartBody body) {
        return new Call("POST", path).multipart(body);
    }

    /** The Graph calls the fake received, oldest first. */
    List<RecordedRequest> graphCalls() {
        return facebook.requests();
    }

    RecordedRequest lastGraphCall() {
        List<RecordedRequest> requests = facebook.requests();
        if (requests.isEmpty()) {
            throw new AssertionError("Facebook received no call");
        }
        return requests.get(requests.size() - 1);
    }

    /** {@code appsecret_proof} computed here, apart from the plugin's code. */
    static String proof(String appSecret, String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8))) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HubResult result) {
        return json(result.body());
    }

    static JsonNode json(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** One hub call, as the platform would make it after matching the application's path. */
    final class Call {
        private final String method;
        private final String path;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private byte[] body;
        private String contentType;
        private Condition where;
        private String accessToken = token;
        private Configuration configuration = HubFixture.this.configuration();
        private PageRequest page;
        private Duration timeout = TIMEOUT;
        private ProviderHttp http = new JdkProviderHttp(TIMEOUT);
        private Map<String, String> pathParameters;
        private boolean removeNulls = true;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call query(String name, String... values) {
            query.put(name, List.of(values));
            return this;
        }

        /** The application's {@code where}, as the platform hands it over parsed. */
        Call where(Condition condition) {
            this.where = condition;
            return this;
        }

        Call body(String json) {
            this.body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
            this.contentType = json == null ? null : "application/json";
            return this;
        }

        Call multipart(MultipartBody multipart) {
            this.body = multipart.bytes();
            this.contentType = multipart.contentType();
            return this;
        }

        Call token(String value) {
            this.accessToken = value;
            return this;
        }

        Call configuration(Configuration value) {
            this.configuration = value;
            return this;
        }

        Call page(int limit, String cursor) {
            this.page = new PageRequest(limit, cursor);
            return this;
        }

        Call timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        Call http(ProviderHttp value) {
            this.http = value;
            return this;
        }

        /** Overrides the matched path values, as a platform that decoded {@code %2F} would hand them over. */
        Call pathParameters(Map<String, String> values) {
            this.pathParameters = values;
            return this;
        }

        /** As the platform calls for an instance whose {@code filter.response.nulls} is false. */
        Call keepNulls() {
            this.removeNulls = false;
            return this;
        }

        HubCall build() {
            ResourceMatcher.Match match = ResourceMatcher.match(provider.definition().resources(), method, path);
            PageRequest wanted = page == null && match.resource().paged() ? PageRequest.first(25) : page;
            return new HubCall(match.resource(), pathParameters != null ? pathParameters : match.pathParameters(),
                    query, where, body, new TokenSet(accessToken, null, null, SCOPES, ada.id()), configuration,
                    wanted, removeNulls, contentType);
        }

        HubResult send() {
            return provider.callHub(build(), ElementContext.of(http, Clock.systemUTC(), timeout));
        }
    }
}
