package dev.elements.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.fake.oauth2.FakeOAuth2User;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.PageRequest;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.declarative.fake.FakeLinkedIn;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the linkedin document promises beyond the conformance kit, against the fake LinkedIn. */
class LinkedInElementTest {
    private FakeLinkedIn fake;
    private ElementCalls calls;
    private FakeOAuth2User member;

    @BeforeEach
    void start() {
        fake = FakeLinkedIn.start();
        calls = new ElementCalls(ShippedElements.named("linkedin"), fake.endpoints(), fake.app().id(),
                fake.app().secret(), FakeLinkedIn.CALLBACK);
        member = fake.createUser("Grace Hopper");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theMemberIsNamedByTheOpenIdSubjectAndTheTokenLivesSixtyDays() {
        TokenSet tokens = calls.exchange(fake.issueCode(member, null));

        assertThat(tokens.providerUserId()).isEqualTo(FakeLinkedIn.member(member));
        assertThat(tokens.expiresAt()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(59)));
        assertThat(tokens.refreshToken()).isNotNull();
    }

    @Test
    void organizationsPageByStartAndCountWithTheVersionHeaderAndAPostIsShared() {
        TokenSet tokens = calls.exchange(fake.issueCode(member, null));
        fake.seedOrganizations(member, 3);

        HubResult first = calls.call("GET", "organizations", tokens, null, PageRequest.first(2));
        HubResult last = calls.call("GET", "organizations", tokens, null, new PageRequest(2, first.nextCursor()));
        HubResult shared = calls.call("POST", "posts", tokens, "{\"commentary\":\"Hello\",\"author\":\"x\"}", null);

        assertThat(first.itemCount()).isEqualTo(2);
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("urn:li:organization:");
        assertThat(last.itemCount()).isEqualTo(1);
        assertThat(last.nextCursor()).isNull();
        assertThat(new String(shared.body(), StandardCharsets.UTF_8)).isEqualTo("{\"success\":true}");
        assertThat(fake.posts()).containsExactly("Hello");
    }

    @Test
    void aRevokedTokenIsInvalidTokenWithLinkedInsMessage() {
        TokenSet tokens = calls.exchange(fake.issueCode(member, null));
        fake.provider().revokeAll();

        assertThatThrownBy(() -> calls.call("GET", "user/me", tokens, null, null))
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_TOKEN);
                    assertThat(refused.error().message()).contains("Invalid access token");
                    assertThat(refused.error().providerCode()).isEqualTo("65600");
                });
    }
}
