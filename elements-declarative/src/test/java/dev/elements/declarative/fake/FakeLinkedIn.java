package dev.elements.declarative.fake;

import dev.elements.core.fake.oauth2.ClientAuthentication;
import dev.elements.core.fake.oauth2.FakeJson;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.FakeOAuth2Provider;
import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.fake.oauth2.FakeResponse;
import dev.elements.core.fake.oauth2.ProtectedRequest;
import dev.elements.core.fake.oauth2.RefreshTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LinkedIn's OAuth 2.0 three-legged flow, its OpenID Connect userinfo and a few REST resources, on
 * the generic fake OAuth2 provider, as LinkedIn documents them (sources in this package's
 * {@code package-info.java}):
 * <ul>
 * <li>{@code /oauth/v2/authorization} and {@code /oauth/v2/accessToken}, the application's secret in
 * the body; access tokens that live 60 days, and (for the partners LinkedIn gives them) reusable
 * refresh tokens that live a year;</li>
 * <li>{@code GET /v2/userinfo} with the member's id in {@code sub};</li>
 * <li>{@code GET /rest/organizationAcls?q=roleAssignee}, a collection paged by {@code start} and
 * {@code count} (10 unless said) with its items in {@code elements}, and {@code POST /rest/posts},
 * answered 201 with the post's URN in {@code x-restli-id} and no body; both versioned resources need
 * a {@code LinkedIn-Version} header;</li>
 * <li>errors as {@code {"status", "serviceErrorCode", "message"}}.</li>
 * </ul>
 */
public final class FakeLinkedIn implements AutoCloseable {
    public static final String CALLBACK = "https://elements.test/linkedin/callback";

    private final FakeOAuth2Provider provider;
    private final FakeOAuth2Client app;
    private final Map<String, List<FakeJson>> organizationsByMember = new HashMap<>();
    private final List<String> posts = new ArrayList<>();

    private FakeLinkedIn() {
        provider = FakeOAuth2Provider.start(FakeOAuth2Options.defaults()
                .withClientAuthentications(ClientAuthentication.CLIENT_SECRET_POST)
                .withPaths("/oauth/v2/authorization", "/oauth/v2/accessToken")
                .withAccessTokenLifetime(Duration.ofDays(60))
                .withRefreshTokens(RefreshTokens.REUSABLE)
                .withTokenAnswer(answer -> answer.put("refresh_token_expires_in", Duration.ofDays(365).toSeconds()))
                .withInvalidBearerToken(() -> error(401, 65600, "Invalid access token")));
        app = provider.registerClient("86fakelinkedin", "fake-linkedin-secret-0123456789", CALLBACK);
        provider.route("GET", "/v2/userinfo", request -> FakeResponse.json(200, FakeJson.object()
                .put("sub", member(request.user())).put("name", request.user().name())
                .put("email_verified", true)));
        provider.route("GET", "/rest/organizationAcls", this::organizations);
        provider.route("POST", "/rest/posts", this::share);
    }

    public static FakeLinkedIn start() {
        return new FakeLinkedIn();
    }

    public FakeOAuth2Provider provider() {
        return provider;
    }

    public FakeOAuth2Client app() {
        return app;
    }

    /** The operator's overrides that point the linkedin element at this fake. */
    public Map<String, String> endpoints() {
        return Map.of("oauth.authorization.url", provider.authorizationUrl(), "oauth.token.url", provider.tokenUrl(),
                "base.url", provider.baseUrl());
    }

    public FakeOAuth2User createUser(String name) {
        return provider.createUser(name);
    }

    public String issueCode(FakeOAuth2User user, String codeChallenge) {
        return provider.issueCode(app, user, CALLBACK, codeChallenge, "openid", "profile", "email");
    }

    /** The member's id as userinfo's {@code sub} shows it. */
    public static String member(FakeOAuth2User user) {
        return "m" + user.id();
    }

    /** Makes the member an administrator of {@code count} more organizations. */
    public void seedOrganizations(FakeOAuth2User user, int count) {
        provider.atomically(() -> {
            List<FakeJson> acls = organizationsByMember.computeIfAbsent(user.id(), id -> new ArrayList<>());
            for (int index = 0; index < count; index++) {
                long organization = Long.parseLong(user.id()) * 100 + acls.size() + 1;
                acls.add(FakeJson.object().put("organization", "urn:li:organization:" + organization)
                        .put("role", "ADMINISTRATOR").put("state", "APPROVED")
                        .put("roleAssignee", "urn:li:person:" + member(user)));
            }
            return null;
        });
    }

    public List<String> posts() {
        return provider.atomically(() -> List.copyOf(posts));
    }

    @Override
    public void close() {
        provider.close();
    }

    private FakeResponse organizations(ProtectedRequest request) {
        Map<String, String> query = request.request().query();
        if (request.request().header("LinkedIn-Version").isEmpty()) {
            return error(400, 100, "A version must be present. Please specify a version by adding the LinkedIn-Version"
                    + " header.");
        }
        if (!"roleAssignee".equals(query.get("q"))) {
            return error(400, 100, "Invalid query parameters passed to request");
        }
        List<FakeJson> acls = organizationsByMember.getOrDefault(request.user().id(), List.of());
        int start = Math.max(0, number(query.get("start"), 0));
        int count = Math.max(1, number(query.get("count"), 10));
        List<FakeJson> page = acls.subList(Math.min(start, acls.size()), Math.min(acls.size(), start + count));
        return FakeResponse.json(200, FakeJson.object()
                .put("paging", FakeJson.object().put("start", start).put("count", count).put("total", acls.size()))
                .putObjects("elements", page));
    }

    private FakeResponse share(ProtectedRequest request) {
        if (request.request().header("LinkedIn-Version").isEmpty()) {
            return error(400, 100, "A version must be present. Please specify a version by adding the LinkedIn-Version"
                    + " header.");
        }
        Object commentary = request.request().jsonObject().get("commentary");
        if (!(commentary instanceof String text)) {
            return error(422, 100, "/commentary :: field is required but not found and has no default value");
        }
        posts.add(text);
        return new FakeResponse(201, Map.of("x-restli-id", "urn:li:share:" + (7_000_000 + posts.size())),
                new byte[0]);
    }

    private static FakeResponse error(int status, int serviceErrorCode, String message) {
        return FakeResponse.json(status, FakeJson.object().put("status", status)
                .put("serviceErrorCode", serviceErrorCode).put("message", message));
    }

    private static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
