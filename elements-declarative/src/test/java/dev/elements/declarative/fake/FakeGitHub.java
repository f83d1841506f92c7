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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's OAuth web flow and a few REST resources, on the generic fake OAuth2 provider, as GitHub
 * documents them (sources in this package's {@code package-info.java}):
 * <ul>
 * <li>the token endpoint answers its refusals with HTTP 200 and GitHub's own codes
 * ({@code bad_verification_code}, {@code incorrect_client_credentials}, {@code bad_refresh_token});</li>
 * <li>an OAuth app's tokens never expire and come without a refresh token; a GitHub App's user
 * tokens expire after eight hours and come with a refresh token that is spent on use
 * ({@link #startAsGitHubApp()});</li>
 * <li>{@code GET /user}, {@code GET /user/repos}, {@code GET|POST /repos/{owner}/{repo}/issues} and
 * {@code GET /repos/{owner}/{repo}/issues/{number}}, lists paged by {@code page} and {@code per_page}
 * (at most 100) with RFC 8288 {@code Link} headers;</li>
 * <li>{@code x-ratelimit-limit}, {@code -remaining} and {@code -reset} on every API answer (5000 calls an
 * hour per user), and {@code {"message": "Bad credentials"}} with 401 for a bad token.</li>
 * </ul>
 */
public final class FakeGitHub implements AutoCloseable {
    public static final String CALLBACK = "https://elements.test/github/callback";
    private static final int HOURLY_LIMIT = 5000;
    private static final int LARGEST_PAGE = 100;

    private final FakeOAuth2Provider provider;
    private final FakeOAuth2Client app;
    private final Map<String, List<FakeJson>> reposByUser = new HashMap<>();
    private final Map<String, List<FakeJson>> issuesByRepo = new HashMap<>();
    private final Map<String, Integer> callsByUser = new HashMap<>();

    private FakeGitHub(FakeOAuth2Options options) {
        provider = FakeOAuth2Provider.start(options);
        app = provider.registerClient("Iv1.fakegithubapp", "fake-github-secret-0123456789", CALLBACK);
        provider.route("GET", "/user", request -> api(request, FakeResponse.json(200, profile(request.user()))));
        provider.route("GET", "/user/repos", request -> api(request, page(request,
                reposByUser.getOrDefault(request.user().id(), List.of()))));
        provider.route("GET", "/repos/{owner}/{repo}/issues", request -> api(request, page(request,
                issuesByRepo.getOrDefault(repo(request), List.of()))));
        provider.route("POST", "/repos/{owner}/{repo}/issues", request -> api(request, openIssue(request)));
        provider.route("GET", "/repos/{owner}/{repo}/issues/{number}", request -> api(request, issue(request)));
    }

    /** An OAuth app: tokens that never expire, no refresh tokens. */
    public static FakeGitHub start() {
        return new FakeGitHub(options().withAccessTokenLifetime(null).withRefreshTokens(RefreshTokens.NONE));
    }

    /** A GitHub App with expiring user tokens: eight hours, and single-use refresh tokens. */
    public static FakeGitHub startAsGitHubApp() {
        return new FakeGitHub(options().withAccessTokenLifetime(Duration.ofHours(8))
                .withRefreshTokens(RefreshTokens.ROTATING));
    }

    private static FakeOAuth2Options options() {
        return FakeOAuth2Options.defaults()
                .withClientAuthentications(ClientAuthentication.CLIENT_SECRET_POST)
                .withPaths("/login/oauth/authorize", "/login/oauth/access_token")
                .withTokenError(FakeGitHub::withOkStatus)
                .withInvalidBearerToken(() -> FakeResponse.json(401, FakeJson.object().put("message", "Bad credentials")
                        .put("documentation_url", "https://docs.github.com/rest").put("status", "401")));
    }

    /** GitHub answers token refusals with 200 and codes of its own. */
    private static FakeResponse withOkStatus(FakeResponse refusal) {
        String body = refusal.bodyText()
                .replace("\"invalid_client\"", "\"incorrect_client_credentials\"")
                .replace("\"invalid_grant\"", refusal.bodyText().contains("refresh token")
                        ? "\"bad_refresh_token\""
                        : "\"bad_verification_code\"");
        return new FakeResponse(200, refusal.headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    public FakeOAuth2Provider provider() {
        return provider;
    }

    public FakeOAuth2Client app() {
        return app;
    }

    /** The operator's overrides that point the github element at this fake. */
    public Map<String, String> endpoints() {
        return Map.of("oauth.authorization.url", provider.authorizationUrl(), "oauth.token.url", provider.tokenUrl(),
                "base.url", provider.baseUrl());
    }

    public FakeOAuth2User createUser(String login) {
        return provider.createUser(login);
    }

    /** A code for the user's consent to the app, as GitHub's callback carries it. */
    public String issueCode(FakeOAuth2User user, String codeChallenge) {
        return provider.issueCode(app, user, CALLBACK, codeChallenge, "read:user", "repo");
    }

    /** Gives the user {@code count} more repositories. */
    public void seedRepos(FakeOAuth2User user, int count) {
        provider.atomically(() -> {
            List<FakeJson> repos = reposByUser.computeIfAbsent(user.id(), id -> new ArrayList<>());
            for (int index = 0; index < count; index++) {
                int number = repos.size() + 1;
                repos.add(FakeJson.object().put("id", Long.parseLong(user.id()) * 1000 + number)
                        .put("name", "repo-" + number).put("full_name", user.name() + "/repo-" + number)
                        .put("private", false));
            }
            return null;
        });
    }

    public int issueCount(String owner, String repo) {
        return provider.atomically(() -> issuesByRepo.getOrDefault(owner + "/" + repo, List.of()).size());
    }

    @Override
    public void close() {
        provider.close();
    }

    private FakeJson profile(FakeOAuth2User user) {
        return FakeJson.object().put("login", user.name()).put("id", Long.parseLong(user.id()))
                .put("type", "User").put("name", user.name());
    }

    private FakeResponse openIssue(ProtectedRequest request) {
        Object title = request.request().jsonObject().get("title");
        if (!(title instanceof String text) || text.isBlank()) {
            return FakeResponse.json(422, FakeJson.object().put("message", "Validation Failed")
                    .put("status", "422"));
        }
        List<FakeJson> issues = issuesByRepo.computeIfAbsent(repo(request), name -> new ArrayList<>());
        FakeJson issue = FakeJson.object().put("number", issues.size() + 1).put("title", text).put("state", "open")
                .put("user", profile(request.user()));
        issues.add(issue);
        return FakeResponse.json(201, issue);
    }

    private FakeResponse issue(ProtectedRequest request) {
        List<FakeJson> issues = issuesByRepo.getOrDefault(repo(request), List.of());
        int number;
        try {
            number = Integer.parseInt(request.pathValue("number"));
        } catch (NumberFormatException notANumber) {
            number = 0;
        }
        if (number < 1 || number > issues.size()) {
            return FakeResponse.json(404, FakeJson.object().put("message", "Not Found").put("status", "404"));
        }
        return FakeResponse.json(200, issues.get(number - 1));
    }

    /** {@code page} (from 1) and {@code per_page} (30 unless said, at most 100), with a next link while more remain. */
    private FakeResponse page(ProtectedRequest request, List<FakeJson> items) {
        Map<String, String> query = request.request().query();
        int perPage = Math.min(LARGEST_PAGE, Math.max(1, number(query.get("per_page"), 30)));
        int page = Math.max(1, number(query.get("page"), 1));
        int from = Math.min(items.size(), (page - 1) * perPage);
        int to = Math.min(items.size(), from + perPage);
        StringBuilder array = new StringBuilder("[");
        for (int index = from; index < to; index++) {
            array.append(index > from ? "," : "").append(items.get(index));
        }
        FakeResponse answer = FakeResponse.json(200, array.append(']').toString());
        if (to < items.size()) {
            String next = provider.baseUrl() + request.request().path() + "?per_page=" + perPage + "&page=" + (page + 1);
            answer = answer.withHeader("Link", "<" + next + ">; rel=\"next\", <" + provider.baseUrl()
                    + request.request().path() + "?per_page=" + perPage + "&page=" + lastPage(items.size(), perPage)
                    + ">; rel=\"last\"");
        }
        return answer;
    }

    private FakeResponse api(ProtectedRequest request, FakeResponse answer) {
        int used = callsByUser.merge(request.user().id(), 1, Integer::sum);
        return answer.withHeader("x-ratelimit-limit", Integer.toString(HOURLY_LIMIT))
                .withHeader("x-ratelimit-remaining", Integer.toString(Math.max(0, HOURLY_LIMIT - used)))
                .withHeader("x-ratelimit-used", Integer.toString(used))
                .withHeader("x-ratelimit-reset", Long.toString(provider.now().plus(Duration.ofHours(1)).getEpochSecond()))
                .withHeader("x-ratelimit-resource", "core");
    }

    private static String repo(ProtectedRequest request) {
        return request.pathValue("owner") + "/" + request.pathValue("repo");
    }

    private static int lastPage(int items, int perPage) {
        return Math.max(1, (items + perPage - 1) / perPage);
    }

    private static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
