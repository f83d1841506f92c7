package dev.elements.twitter.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.fake.oauth2.FakeOAuth2Client;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeXTest {

    private static final String CALLBACK = "https://elements.test/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** RFC 7636 appendix B: the S256 challenge of the verifier above. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String[] ALL_SCOPES = {"tweet.read", "tweet.write", "users.read", "like.read", "like.write",
        "offline.access"};

    private final TestHttpClient http = TestHttpClient.withoutBase();
    private FakeX x;
    private FakeOAuth2Client app;
    private FakeXUser ada;
    private FakeXUser bob;

    @BeforeEach
    void start() {
        x = FakeX.start();
        app = x.registerApp("x-client", "x-secret", CALLBACK);
        ada = x.createUser("Ada Lovelace");
        bob = x.createUser("Bob");
    }

    @AfterEach
    void stop() {
        x.close();
    }

    // --- OAuth 2.0 ---

    @Test
    void theAuthorizePageRedirectsWithACodeThatBasicAuthenticationAndTheVerifierExchange() {
        TestResponse redirect = http.get(x.authorizationUrl() + "?response_type=code&client_id=x-client"
                + "&redirect_uri=" + encode(CALLBACK) + "&scope=" + encode("tweet.read users.read offline.access")
                + "&state=st4te&code_challenge=" + CHALLENGE + "&code_challenge_method=S256");

        assertThat(redirect.status()).isEqualTo(302);
        Map<String, String> query = queryOf(redirect.header("Location"));
        assertThat(query).containsEntry("state", "st4te").containsKey("code");
        TestResponse token = exchange(query.get("code"), VERIFIER);
        assertThat(token.status()).isEqualTo(200);
        JsonNode body = token.json();
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(7200);
        assertThat(body.get("scope").asText()).isEqualTo("tweet.read users.read offline.access");
        assertThat(body.get("refresh_token").asText()).isNotBlank();
        assertThat(x.latestAccessTokenOf(ada)).contains(body.get("access_token").asText());
        assertThat(x.codeExchanges()).isEqualTo(1);
    }

    @Test
    void pkceIsRequiredAndTheVerifierMustMatch() {
        TestResponse withoutChallenge = http.get(x.authorizationUrl() + "?response_type=code&client_id=x-client"
                + "&redirect_uri=" + encode(CALLBACK) + "&scope=tweet.read&state=s");
        String code = x.issueCode(app, ada, CALLBACK, CHALLENGE, "tweet.read");

        TestResponse wrong = exchange(code, "wrong-" + VERIFIER);
        TestResponse missing = exchange(code, null);
        TestResponse right = exchange(code, VERIFIER);

        assertThat(queryOf(withoutChallenge.header("Location"))).containsEntry("error", "invalid_request");
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(right.status()).isEqualTo(200);
        assertThat(exchange(code, VERIFIER).json().get("error").asText()).as("codes are single-use")
                .isEqualTo("invalid_grant");
    }

    @Test
    void aConfidentialClientMustUseBasicNotTheBody() {
        String code = x.issueCode(app, ada, CALLBACK, CHALLENGE, "tweet.read");

        TestResponse inBody = http.postForm(x.tokenUrl(), form("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "code_verifier", VERIFIER, "client_id", "x-client",
                "client_secret", "x-secret"));

        assertThat(inBody.status()).isEqualTo(401);
        assertThat(inBody.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void onlyOfflineAccessBringsARefreshToken() {
        JsonNode without = tokensFor(ada, "tweet.read", "users.read");

        assertThat(without.has("refresh_token")).isFalse();
        assertThat(tokensFor(ada, "tweet.read", "offline.access").has("refresh_token")).isTrue();
    }

    @Test
    void refreshTokensRotateAndASpentOneIsRefused() {
        String first = tokensFor(ada, ALL_SCOPES).get("refresh_token").asText();

        TestResponse renewed = refresh(first);
        TestResponse again = refresh(first);

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().get("expires_in").asLong()).isEqualTo(7200);
        String second = renewed.json().get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh(second).status()).isEqualTo(200);
        assertThat(x.refreshes()).isEqualTo(3);
    }

    @Test
    void ofTwentyConcurrentRefreshesOfOneTokenExactlyOneSucceeds() {
        String token = tokensFor(ada, ALL_SCOPES).get("refresh_token").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create(x.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofString(TestHttpClient.formEncoded(
                        form("grant_type", "refresh_token", "refresh_token", token))))
                .build();

        List<CompletableFuture<TestResponse>> storm = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            storm.add(http.sendAsync(request));
        }
        List<TestResponse> answers = storm.stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 400)
                .allSatisfy(answer -> assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant"))
                .hasSize(19);
        assertThat(x.refreshes()).isEqualTo(20);
    }

    @Test
    void anAccessTokenExpiresAfterTwoHoursWithXsUnauthorizedProblem() {
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();
        assertThat(get("/users/me", token).status()).isEqualTo(200);

        x.advanceClock(Duration.ofHours(2));
        TestResponse expired = get("/users/me", token);

        assertThat(x.isValidAccessToken(token)).isFalse();
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body())
                .isEqualTo("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
    }

    // --- resources ---

    @Test
    void usersMeIsTheTokensUser() {
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();

        JsonNode me = get("/users/me", token).json().get("data");

        assertThat(me.get("id").asText()).isEqualTo(ada.id()).matches("[0-9]{1,19}");
        assertThat(me.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(me.get("username").asText()).isEqualTo("AdaLovelace");
    }

    @Test
    void walkingAllPagesOfAUsersPostsGivesEachOnceNewestFirst() {
        List<String> posted = new ArrayList<>();
        for (int index = 0; index < 23; index++) {
            posted.add(0, x.postTweet(ada, "post " + index).id());
        }
        String token = tokensFor(bob, ALL_SCOPES).get("access_token").asText();

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = get("/users/" + ada.id() + "/tweets?max_results=10"
                    + (next == null ? "" : "&pagination_token=" + encode(next)), token).json();
            page.get("data").forEach(tweet -> seen.add(tweet.get("id").asText()));
            JsonNode meta = page.get("meta");
            pageSizes.add(meta.get("result_count").asInt());
            assertThat(meta.get("newest_id").asText()).isEqualTo(page.at("/data/0/id").asText());
            assertThat(meta.get("oldest_id").asText())
                    .isEqualTo(page.get("data").get(page.get("data").size() - 1).get("id").asText());
            next = meta.has("next_token") ? meta.get("next_token").asText() : null;
        } while (next != null);

        assertThat(seen).isEqualTo(posted);
        assertThat(pageSizes).containsExactly(10, 10, 3);
    }

    @Test
    void anEmptyTimelineHasNoDataMember() {
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();

        TestResponse answer = get("/users/" + bob.id() + "/tweets", token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"meta\":{\"result_count\":0}}");
    }

    @Test
    void maxResultsMustBeBetweenFiveAndAHundred() {
        for (int index = 0; index < 6; index++) {
            x.postTweet(ada, "post " + index);
        }
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();
        String url = "/users/" + ada.id() + "/tweets?max_results=";

        TestResponse four = get(url + 4, token);
        TestResponse hundredAndOne = get(url + 101, token);

        assertThat(four.status()).isEqualTo(400);
        assertThat(four.json().get("title").asText()).isEqualTo("Invalid Request");
        assertThat(four.json().get("type").asText()).isEqualTo("https://api.twitter.com/2/problems/invalid-request");
        assertThat(four.json().at("/errors/0/parameters/max_results/0").asText()).isEqualTo("4");
        assertThat(hundredAndOne.status()).isEqualTo(400);
        assertThat(get(url + 5, token).json().at("/meta/result_count").asInt()).isEqualTo(5);
        assertThat(get(url + 100, token).json().at("/meta/result_count").asInt()).isEqualTo(6);
        assertThat(get("/users/" + ada.id() + "/tweets", token).json().at("/meta/result_count").asInt()).isEqualTo(6);
    }

    @Test
    void aPaginationTokenTheFakeDidNotMakeIsRefused() {
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();

        TestResponse answer = get("/users/" + ada.id() + "/tweets?pagination_token=made-up", token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/parameters/pagination_token/0").asText()).isEqualTo("made-up");
    }

    @Test
    void theTimelineOfAnUnknownUserIsAPartialNotFoundError() {
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();

        TestResponse answer = get("/users/999/tweets", token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("data")).isFalse();
        assertThat(answer.json().at("/errors/0/title").asText()).isEqualTo("Not Found Error");
        assertThat(answer.json().at("/errors/0/resource_type").asText()).isEqualTo("user");
    }

    @Test
    void postingCreatesAPostAndDeletingRemovesIt() {
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();

        TestResponse created = post("/tweets", token, "{\"text\":\"Hello \\\"X\\\" \\u00e9\"}");
        String id = created.json().at("/data/id").asText();
        TestResponse duplicate = post("/tweets", token, "{\"text\":\"Hello \\\"X\\\" é\"}");
        TestResponse deleted = delete("/tweets/" + id, token);
        TestResponse deletedAgain = delete("/tweets/" + id, token);

        assertThat(created.status()).isEqualTo(201);
        assertThat(id).matches("[0-9]{1,19}");
        assertThat(created.json().at("/data/text").asText()).isEqualTo("Hello \"X\" é");
        assertThat(duplicate.status()).isEqualTo(403);
        assertThat(duplicate.json().get("detail").asText()).contains("duplicate content");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().at("/data/deleted").asBoolean()).isTrue();
        assertThat(x.tweetsOf(ada)).isEmpty();
        assertThat(deletedAgain.status()).isEqualTo(404);
        assertThat(deletedAgain.json().get("title").asText()).isEqualTo("Not Found Error");
    }

    @Test
    void onlyTheAuthorDeletesAPostAndAPostNeedsText() {
        FakeTweet bobs = x.postTweet(bob, "mine");
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();

        assertThat(delete("/tweets/" + bobs.id(), token).status()).isEqualTo(403);
        assertThat(x.tweetsOf(bob)).containsExactly(bobs);
        assertThat(post("/tweets", token, "{}").status()).isEqualTo(400);
        assertThat(post("/tweets", token, "not json").status()).isEqualTo(400);
    }

    @Test
    void likingUnlikingAndListingLikes() {
        FakeTweet first = x.postTweet(bob, "first");
        FakeTweet second = x.postTweet(bob, "second");
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();

        TestResponse liked = post("/users/" + ada.id() + "/likes", token, "{\"tweet_id\":\"" + first.id() + "\"}");
        post("/users/" + ada.id() + "/likes", token, "{\"tweet_id\":\"" + second.id() + "\"}");
        JsonNode likes = get("/users/" + ada.id() + "/liked_tweets", token).json();
        TestResponse forAnother = post("/users/" + bob.id() + "/likes", token,
                "{\"tweet_id\":\"" + first.id() + "\"}");
        TestResponse unliked = delete("/users/" + ada.id() + "/likes/" + first.id(), token);
        TestResponse unlikedAgain = delete("/users/" + ada.id() + "/likes/" + first.id(), token);

        assertThat(liked.json().at("/data/liked").asBoolean()).isTrue();
        assertThat(likes.at("/data/0/id").asText()).isEqualTo(second.id());
        assertThat(likes.at("/data/1/id").asText()).isEqualTo(first.id());
        assertThat(likes.at("/meta/result_count").asInt()).isEqualTo(2);
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(unliked.json().at("/data/liked").asBoolean()).isFalse();
        assertThat(unlikedAgain.status()).isEqualTo(200);
        assertThat(x.likedTweetsOf(ada)).containsExactly(second);
    }

    // --- rate limits, scopes, switches ---

    @Test
    void everyAnswerCarriesTheRateLimitAndAnExhaustedWindowIs429UntilItResets() {
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();

        TestResponse first = get("/users/me", token);
        TestResponse second = get("/users/me", token);
        x.setRateLimitRemaining(ada, XEndpoint.USERS_ME, 0);
        TestResponse limited = get("/users/me", token);
        TestResponse otherEndpoint = get("/users/" + ada.id() + "/tweets", token);

        assertThat(first.header("x-rate-limit-limit")).isEqualTo("75");
        assertThat(first.header("x-rate-limit-remaining")).isEqualTo("74");
        assertThat(second.header("x-rate-limit-remaining")).isEqualTo("73");
        long reset = Long.parseLong(first.header("x-rate-limit-reset"));
        assertThat(reset).isBetween(x.provider().now().getEpochSecond() + 14 * 60,
                x.provider().now().getEpochSecond() + 15 * 60);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("x-rate-limit-remaining")).isEqualTo("0");
        assertThat(limited.json().get("title").asText()).isEqualTo("Too Many Requests");
        assertThat(otherEndpoint.status()).isEqualTo(200);
        assertThat(otherEndpoint.header("x-rate-limit-limit")).isEqualTo("900");

        x.advanceClock(Duration.ofMinutes(15));
        String renewed = refresh(x.latestRefreshTokenOf(ada).orElseThrow()).json().get("access_token").asText();
        TestResponse afterReset = get("/users/me", renewed);
        assertThat(afterReset.status()).isEqualTo(200);
        assertThat(afterReset.header("x-rate-limit-remaining")).isEqualTo("74");
    }

    @Test
    void limitsArePerUser() {
        String adas = tokensFor(ada, ALL_SCOPES).get("access_token").asText();
        String bobs = tokensFor(bob, ALL_SCOPES).get("access_token").asText();
        x.setRateLimitRemaining(ada, XEndpoint.USERS_ME, 0);

        assertThat(get("/users/me", adas).status()).isEqualTo(429);
        assertThat(get("/users/me", bobs).status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheEndpointsScopesIsForbidden() {
        String token = tokensFor(ada, "tweet.read", "users.read").get("access_token").asText();

        TestResponse answer = post("/tweets", token, "{\"text\":\"hi\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").asText()).isEqualTo("about:blank");
        assertThat(x.tweetsOf(ada)).isEmpty();
    }

    @Test
    void queuedFailuresAndDowntime() {
        String token = tokensFor(ada, ALL_SCOPES).get("access_token").asText();
        x.failNextCalls(XEndpoint.USERS_ME, 1, 503, "Service Unavailable");

        TestResponse failed = get("/users/me", token);
        TestResponse recovered = get("/users/me", token);
        x.setDown(true);
        TestResponse down = get("/users/me", token);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().get("status").asInt()).isEqualTo(503);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(down.status()).isEqualTo(503);
    }

    // --- helpers ---

    private JsonNode tokensFor(FakeXUser user, String... scopes) {
        TestResponse answer = exchange(x.issueCode(app, user, CALLBACK, CHALLENGE, scopes), VERIFIER);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private TestResponse exchange(String code, String verifier) {
        Map<String, String> form = form("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return http.withHeader("Authorization", basic()).postForm(x.tokenUrl(), form);
    }

    private TestResponse refresh(String refreshToken) {
        return http.withHeader("Authorization", basic()).postForm(x.tokenUrl(),
                form("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private TestResponse get(String path, String token) {
        return http.withHeader("Authorization", "Bearer " + token).get(x.apiBaseUrl() + path);
    }

    private TestResponse post(String path, String token, String json) {
        return http.withHeader("Authorization", "Bearer " + token).postJson(x.apiBaseUrl() + path, json);
    }

    private TestResponse delete(String path, String token) {
        return http.withHeader("Authorization", "Bearer " + token).delete(x.apiBaseUrl() + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("x-client:x-secret".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            form.put(namesAndValues[index], namesAndValues[index + 1]);
        }
        return form;
    }

    private static Map<String, String> queryOf(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
