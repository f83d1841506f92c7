package dev.elements.core.fake.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOAuth2ProviderTest {

    private static final String CALLBACK = "https://elements.test/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** RFC 7636 appendix B: the S256 challenge of the verifier above. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final TestHttpClient http = TestHttpClient.withoutBase();
    private FakeOAuth2Provider provider;
    private FakeOAuth2Client client;
    private FakeOAuth2User ada;

    private void start(FakeOAuth2Options options) {
        provider = FakeOAuth2Provider.start(options);
        client = provider.registerClient("client-1", "s3cret:+/", CALLBACK);
        ada = provider.createUser("Ada Lovelace");
        provider.route("GET", "/api/users/{id}", request -> FakeResponse.json(200, FakeJson.object()
                .put("asked", request.pathValue("id")).put("me", request.user().id())
                .put("scope", String.join(" ", new java.util.TreeSet<>(request.scopes())))));
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    // --- the authorization endpoint ---

    @Test
    void theDialogRedirectsWithACodeAndTheStateThatTheTokenEndpointExchangesWithTheRightVerifier() {
        start(FakeOAuth2Options.defaults().withPkceRequired(true));

        TestResponse redirect = http.get(authorize(Map.of("code_challenge", CHALLENGE,
                "code_challenge_method", "S256", "state", "xyz", "scope", "read write")));

        assertThat(redirect.status()).isEqualTo(302);
        Map<String, String> query = Forms.decode(URI.create(redirect.header("Location")).getRawQuery());
        assertThat(redirect.header("Location")).startsWith(CALLBACK + "?code=");
        assertThat(query).containsEntry("state", "xyz");
        TestResponse token = exchange(query.get("code"), CALLBACK, VERIFIER);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = token.json();
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("scope").asText()).isEqualTo("read write");
        assertThat(body.has("refresh_token")).isTrue();
        assertThat(provider.isValidAccessToken(body.get("access_token").asText())).isTrue();
        assertThat(provider.latestAccessTokenOf(ada)).contains(body.get("access_token").asText());
        assertThat(provider.codeExchanges()).isEqualTo(1);
    }

    @Test
    void aWrongVerifierIsAnInvalidGrantAndAMissingOneAnInvalidRequest() {
        start(FakeOAuth2Options.defaults().withPkceRequired(true));
        String code = provider.issueCode(client, ada, CALLBACK, CHALLENGE, "read");

        TestResponse wrong = exchange(code, CALLBACK, VERIFIER.replace('d', 'e'));
        TestResponse missing = exchange(code, CALLBACK, null);

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(exchange(code, CALLBACK, VERIFIER).status()).isEqualTo(200);
    }

    @Test
    void aVerifierForACodeWithoutChallengeIsRefused() {
        start(FakeOAuth2Options.defaults());
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        assertThat(exchange(code, CALLBACK, VERIFIER).json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void plainChallengesAndMissingChallengesAreRefusedWithAnErrorRedirect() {
        start(FakeOAuth2Options.defaults().withPkceRequired(true));

        TestResponse plain = http.get(authorize(Map.of("code_challenge", VERIFIER, "code_challenge_method", "plain",
                "state", "s1")));
        TestResponse none = http.get(authorize(Map.of("state", "s2")));

        assertThat(Forms.decode(URI.create(plain.header("Location")).getRawQuery()))
                .containsEntry("error", "invalid_request").containsEntry("state", "s1");
        assertThat(Forms.decode(URI.create(none.header("Location")).getRawQuery()))
                .containsEntry("error", "invalid_request").containsEntry("state", "s2");
    }

    @Test
    void anUnregisteredRedirectUriGetsAPageNotARedirect() {
        start(FakeOAuth2Options.defaults());

        TestResponse answer = http.get(provider.authorizationUrl() + "?response_type=code&client_id=client-1"
                + "&redirect_uri=" + Forms.encode("https://evil.test/callback"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
    }

    @Test
    void aDeniedLoginRedirectsWithAccessDenied() {
        start(FakeOAuth2Options.defaults());
        provider.denyNextLogin();

        TestResponse denied = http.get(authorize(Map.of("state", "s")));
        TestResponse next = http.get(authorize(Map.of("state", "s")));

        assertThat(Forms.decode(URI.create(denied.header("Location")).getRawQuery()))
                .containsEntry("error", "access_denied").containsEntry("state", "s");
        assertThat(Forms.decode(URI.create(next.header("Location")).getRawQuery())).containsKey("code");
    }

    // --- codes ---

    @Test
    void aCodeWorksOnceAndItsReplayRevokesTheTokensItGave() {
        start(FakeOAuth2Options.defaults());
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        TestResponse first = exchange(code, CALLBACK, null);
        TestResponse replay = exchange(code, CALLBACK, null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(provider.isValidAccessToken(first.json().get("access_token").asText())).isFalse();
        assertThat(refresh(first.json().get("refresh_token").asText()).status()).isEqualTo(400);
    }

    @Test
    void aCodeIsBoundToItsRedirectUriAndItsClient() {
        start(FakeOAuth2Options.defaults());
        provider.registerClient("client-2", "other", CALLBACK);
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        TestResponse otherRedirect = exchange(code, CALLBACK + "/other", null);
        TestResponse otherClient = http.postForm(provider.tokenUrl(), form("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK, "client_id", "client-2", "client_secret", "other"));

        assertThat(otherRedirect.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(otherClient.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(exchange(code, CALLBACK, null).status()).isEqualTo(200);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        start(FakeOAuth2Options.defaults());
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        provider.advanceClock(Duration.ofMinutes(10));

        assertThat(exchange(code, CALLBACK, null).json().get("error").asText()).isEqualTo("invalid_grant");
    }

    // --- client authentication ---

    @Test
    void basicAuthenticationDecodesFormEncodedParts() {
        start(FakeOAuth2Options.defaults().withClientAuthentications(ClientAuthentication.CLIENT_SECRET_BASIC));
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        TestResponse answer = http.withHeader("Authorization", basic("client-1", "s3cret:+/"))
                .postForm(provider.tokenUrl(), form("grant_type", "authorization_code", "code", code,
                        "redirect_uri", CALLBACK));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void aProviderTakingOnlyBasicRefusesTheSecretInTheBody() {
        start(FakeOAuth2Options.defaults().withClientAuthentications(ClientAuthentication.CLIENT_SECRET_BASIC));
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        TestResponse answer = exchange(code, CALLBACK, null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aProviderTakingOnlyPostRefusesBasicWithABasicChallenge() {
        start(FakeOAuth2Options.defaults().withClientAuthentications(ClientAuthentication.CLIENT_SECRET_POST));
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        TestResponse answer = http.withHeader("Authorization", basic("client-1", "s3cret:+/"))
                .postForm(provider.tokenUrl(), form("grant_type", "authorization_code", "code", code,
                        "redirect_uri", CALLBACK));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void aWrongSecretIsAnInvalidClientAndTwoMethodsAtOnceAnInvalidRequest() {
        start(FakeOAuth2Options.defaults());
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        TestResponse wrongSecret = http.withHeader("Authorization", basic("client-1", "nope"))
                .postForm(provider.tokenUrl(), form("grant_type", "authorization_code", "code", code,
                        "redirect_uri", CALLBACK));
        TestResponse both = http.withHeader("Authorization", basic("client-1", "s3cret:+/"))
                .postForm(provider.tokenUrl(), form("grant_type", "authorization_code", "code", code,
                        "redirect_uri", CALLBACK, "client_id", "client-1", "client_secret", "s3cret:+/"));

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void aPublicClientNeedsNoSecretButMustUsePkce() {
        start(FakeOAuth2Options.defaults());
        provider.registerClient("public-app", null, CALLBACK);

        TestResponse withoutPkce = http.get(provider.authorizationUrl() + "?response_type=code&client_id=public-app"
                + "&redirect_uri=" + Forms.encode(CALLBACK));
        String code = provider.issueCode(new FakeOAuth2Client("public-app", null, List.of(CALLBACK)), ada, CALLBACK,
                CHALLENGE, "read");
        TestResponse exchanged = http.postForm(provider.tokenUrl(), form("grant_type", "authorization_code",
                "code", code, "redirect_uri", CALLBACK, "client_id", "public-app", "code_verifier", VERIFIER));

        assertThat(withoutPkce.header("Location")).contains("error=invalid_request");
        assertThat(exchanged.status()).isEqualTo(200);
    }

    // --- refresh ---

    @Test
    void rotatingRefreshTokensAreSingleUse() {
        start(FakeOAuth2Options.defaults().withRefreshTokens(RefreshTokens.ROTATING));
        String first = exchange(provider.issueCode(client, ada, CALLBACK, null, "read"), CALLBACK, null)
                .json().get("refresh_token").asText();

        TestResponse renewed = refresh(first);
        TestResponse reused = refresh(first);

        assertThat(renewed.status()).isEqualTo(200);
        String second = renewed.json().get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(provider.latestRefreshTokenOf(ada)).contains(second);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh(second).status()).isEqualTo(200);
        assertThat(provider.refreshes()).isEqualTo(3);
    }

    @Test
    void ofTwentyConcurrentRefreshesOfOneRotatingTokenExactlyOneSucceeds() {
        start(FakeOAuth2Options.defaults().withRefreshTokens(RefreshTokens.ROTATING));
        String token = exchange(provider.issueCode(client, ada, CALLBACK, null, "read"), CALLBACK, null)
                .json().get("refresh_token").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestHttpClient.formEncoded(form("grant_type",
                        "refresh_token", "refresh_token", token, "client_id", "client-1", "client_secret",
                        "s3cret:+/"))))
                .build();

        List<CompletableFuture<TestResponse>> storm = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            storm.add(http.sendAsync(request));
        }
        List<Integer> statuses = storm.stream().map(CompletableFuture::join).map(TestResponse::status).toList();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 400).hasSize(19);
        assertThat(provider.refreshes()).isEqualTo(20);
    }

    @Test
    void reusableRefreshTokensWorkAgainAndAreNotReplaced() {
        start(FakeOAuth2Options.defaults());
        String token = exchange(provider.issueCode(client, ada, CALLBACK, null, "read"), CALLBACK, null)
                .json().get("refresh_token").asText();

        TestResponse first = refresh(token);
        TestResponse second = refresh(token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().has("refresh_token")).isFalse();
        assertThat(second.status()).isEqualTo(200);
    }

    @Test
    void withOfflineAccessRequiredOnlyThatScopeBringsARefreshToken() {
        start(FakeOAuth2Options.defaults().withRefreshNeedsOfflineAccess(true));

        JsonNode without = exchange(provider.issueCode(client, ada, CALLBACK, null, "read"), CALLBACK, null).json();
        JsonNode with = exchange(provider.issueCode(client, ada, CALLBACK, null, "read", "offline.access"),
                CALLBACK, null).json();

        assertThat(without.has("refresh_token")).isFalse();
        assertThat(with.has("refresh_token")).isTrue();
    }

    @Test
    void aRefreshMayNarrowTheScopeButNotWidenIt() {
        start(FakeOAuth2Options.defaults());
        String token = exchange(provider.issueCode(client, ada, CALLBACK, null, "read", "write"), CALLBACK, null)
                .json().get("refresh_token").asText();

        TestResponse narrower = refresh(token, "scope", "read");
        TestResponse wider = refresh(token, "scope", "read admin");

        assertThat(narrower.json().get("scope").asText()).isEqualTo("read");
        assertThat(wider.json().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void withoutRefreshTokensTheGrantIsUnsupported() {
        start(FakeOAuth2Options.defaults().withRefreshTokens(RefreshTokens.NONE));

        JsonNode answer = exchange(provider.issueCode(client, ada, CALLBACK, null, "read"), CALLBACK, null).json();

        assertThat(answer.has("refresh_token")).isFalse();
        assertThat(refresh("anything").json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    // --- protected resources ---

    @Test
    void anAccessTokenWorksInTheHeaderUntilItsLifetimeHasPassed() {
        start(FakeOAuth2Options.defaults().withAccessTokenLifetime(Duration.ofHours(2)));
        String token = exchange(provider.issueCode(client, ada, CALLBACK, null, "read"), CALLBACK, null)
                .json().get("access_token").asText();
        String url = provider.baseUrl() + "/api/users/42";

        TestResponse fresh = http.withHeader("Authorization", "Bearer " + token).get(url);
        TestResponse inQuery = http.get(url + "?access_token=" + token);
        provider.advanceClock(Duration.ofHours(2).minusSeconds(5));
        boolean validJustBefore = provider.isValidAccessToken(token);
        provider.advanceClock(Duration.ofSeconds(5));
        TestResponse expired = http.withHeader("Authorization", "Bearer " + token).get(url);

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().get("asked").asText()).isEqualTo("42");
        assertThat(fresh.json().get("me").asText()).isEqualTo(ada.id());
        assertThat(fresh.json().get("scope").asText()).isEqualTo("read");
        assertThat(inQuery.status()).isEqualTo(401);
        assertThat(validJustBefore).isTrue();
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        assertThat(provider.isValidAccessToken(token)).isFalse();
    }

    @Test
    void unknownRoutesAre404AndRecordedRequestsKeepWhatWasSent() {
        start(FakeOAuth2Options.defaults());

        TestResponse answer = http.withHeader("Authorization", "Bearer x").get(provider.baseUrl() + "/nothing?a=1");

        assertThat(answer.status()).isEqualTo(404);
        FakeRequest recorded = provider.requests().get(0);
        assertThat(recorded.method()).isEqualTo("GET");
        assertThat(recorded.path()).isEqualTo("/nothing");
        assertThat(recorded.query()).containsEntry("a", "1");
        assertThat(recorded.header("authorization")).contains("Bearer x");
    }

    // --- switches ---

    @Test
    void queuedFailuresComeFirstThenTheEndpointWorksAgain() {
        start(FakeOAuth2Options.defaults());
        provider.failNext("POST", "/oauth/token", 1, FakeResponse.json(503, "{\"error\":\"temporarily_unavailable\"}"));
        String code = provider.issueCode(client, ada, CALLBACK, null, "read");

        TestResponse failed = exchange(code, CALLBACK, null);
        TestResponse worked = exchange(code, CALLBACK, null);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(worked.status()).isEqualTo(200);
    }

    @Test
    void aProviderThatIsDownAnswers503ToEverything() {
        start(FakeOAuth2Options.defaults());
        provider.setDown(true);

        assertThat(http.get(authorize(Map.of())).status()).isEqualTo(503);
        assertThat(refresh("x").status()).isEqualTo(503);

        provider.setDown(false);
        assertThat(http.get(authorize(Map.of())).status()).isEqualTo(302);
    }

    @Test
    void revokingAllStopsEveryIssuedTokenButNotNewGrants() {
        start(FakeOAuth2Options.defaults());
        TestResponse before = exchange(provider.issueCode(client, ada, CALLBACK, null, "read"), CALLBACK, null);

        provider.revokeAll();
        TestResponse after = exchange(provider.issueCode(client, ada, CALLBACK, null, "read"), CALLBACK, null);

        assertThat(provider.isValidAccessToken(before.json().get("access_token").asText())).isFalse();
        assertThat(refresh(before.json().get("refresh_token").asText()).json().get("error").asText())
                .isEqualTo("invalid_grant");
        assertThat(provider.isValidAccessToken(after.json().get("access_token").asText())).isTrue();
    }

    @Test
    void aProviderMayReshapeTheTokenEndpointsRefusalsAsGitHubAnswersThemWithOk() {
        start(FakeOAuth2Options.defaults().withTokenError(refusal -> new FakeResponse(200, refusal.headers(),
                refusal.body())));

        TestResponse refused = exchange("no-such-code", CALLBACK, null);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    // --- helpers ---

    private String authorize(Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.id());
        query.put("redirect_uri", CALLBACK);
        query.putAll(extra);
        return Forms.appendQuery(provider.authorizationUrl(), query);
    }

    private TestResponse exchange(String code, String redirectUri, String verifier) {
        Map<String, String> form = form("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "client_id", client.id(), "client_secret", client.secret());
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return http.postForm(provider.tokenUrl(), form);
    }

    private TestResponse refresh(String refreshToken, String... extra) {
        Map<String, String> form = form("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", "client-1", "client_secret", "s3cret:+/");
        form.putAll(form(extra));
        return http.postForm(provider.tokenUrl(), form);
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            form.put(namesAndValues[index], namesAndValues[index + 1]);
        }
        return form;
    }

    private static String basic(String id, String secret) {
        String joined = Forms.encode(id) + ":" + Forms.encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theS256ChallengeOfTheRfcExampleIsWhatTheTestsUse() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)).isEqualTo(CHALLENGE);
    }
}
