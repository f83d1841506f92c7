package dev.elements.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.PlatformException;
import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.fake.oauth2.FakeRequest;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.PageRequest;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementProvider;
import dev.elements.declarative.fake.FakeGitHub;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the github document promises beyond the conformance kit, against the fake GitHub as an OAuth app. */
class GitHubElementTest {
    private final ElementProvider github = ShippedElements.named("github");
    private FakeGitHub fake;
    private ElementCalls calls;
    private FakeOAuth2User octocat;

    @BeforeEach
    void start() {
        fake = FakeGitHub.start();
        calls = new ElementCalls(github, fake.endpoints(), fake.app().id(), fake.app().secret(), FakeGitHub.CALLBACK);
        octocat = fake.createUser("octocat");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anOAuthAppsTokenNeverExpiresIsKeptOnRenewalAndNamesItsUserByGitHubsNumericId() {
        TokenSet tokens = calls.exchange(fake.issueCode(octocat, null));

        assertThat(tokens.providerUserId()).isEqualTo(octocat.id());
        assertThat(tokens.expiresAt()).isNull();
        assertThat(tokens.refreshToken()).isNull();
        assertThat(calls.renew(tokens)).isEqualTo(tokens);
        assertThat(fake.provider().refreshes()).isZero();
    }

    /**
     * An OAuth app's token comes without a refresh token, and nothing else tells which app it was
     * issued to (GitHub's user endpoint answers for any app's token), so it is not adopted.
     */
    @Test
    void anOAuthAppsHeldTokenIsNotAdoptedSinceNothingProvesItIsThisAppsToken() {
        TokenSet held = calls.exchange(fake.issueCode(octocat, null));
        assertThat(held.refreshToken()).isNull();

        assertThatThrownBy(() -> calls.adopt(held)).isInstanceOfSatisfying(PlatformException.class,
                refused -> assertThat(refused.getMessage()).contains("oauth.user.refresh_token"));
    }

    @Test
    void aRefusedCodeAnsweredWithOkIsStillAnInvalidGrant() {
        String code = fake.issueCode(octocat, null);
        calls.exchange(code);

        assertThatThrownBy(() -> calls.exchange(code)).isInstanceOfSatisfying(ProviderException.class, refused -> {
            assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_GRANT);
            assertThat(refused.error().providerCode()).isEqualTo("bad_verification_code");
        });
    }

    @Test
    void issuesAreOpenedAndReadWithTheApiVersionHeaderAndTheUsageCountsPerUser() {
        TokenSet tokens = calls.exchange(fake.issueCode(octocat, null));

        HubResult opened = calls.call("POST", "repos/octocat/hello-world/issues", tokens,
                "{\"title\":\"Found a bug\"}", null);
        HubResult read = calls.call("GET", "repos/octocat/hello-world/issues/1", tokens, null, null);

        assertThat(new String(opened.body(), StandardCharsets.UTF_8)).contains("\"number\":1");
        assertThat(new String(read.body(), StandardCharsets.UTF_8)).contains("Found a bug");
        assertThat(fake.issueCount("octocat", "hello-world")).isEqualTo(1);
        FakeRequest last = fake.provider().requests().get(fake.provider().requests().size() - 1);
        assertThat(last.header("X-GitHub-Api-Version")).contains("2022-11-28");
        assertThat(last.header("Accept")).contains("application/vnd.github+json");
        assertThat(read.usage().bucket()).isEqualTo("github:app:" + fake.app().id() + ":user:" + octocat.id());
        assertThat(github.usageBuckets(calls.configuration(), tokens)).hasSize(2);
    }

    @Test
    void listsPageByTheLinkHeaderAndAPathValueOfTheWrongShapeIsRefusedBeforeGitHubIsCalled() {
        TokenSet tokens = calls.exchange(fake.issueCode(octocat, null));
        fake.seedRepos(octocat, 3);

        HubResult first = calls.call("GET", "user/me/repos", tokens, null, PageRequest.first(2));
        HubResult second = calls.call("GET", "user/me/repos", tokens, null, new PageRequest(2, first.nextCursor()));

        assertThat(first.itemCount()).isEqualTo(2);
        assertThat(first.nextCursor()).isEqualTo("page=2");
        assertThat(second.itemCount()).isEqualTo(1);
        assertThat(second.nextCursor()).isNull();
        int before = fake.provider().requests().size();
        assertThatThrownBy(() -> calls.call("GET", "repos/octocat/../issues", tokens, null, PageRequest.first(2)))
                .isInstanceOf(PlatformException.class);
        assertThat(fake.provider().requests()).hasSize(before);
    }
}
