package dev.elements.core.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final InstanceId INSTANCE = new InstanceId(7);
    private static final String RESOURCE = "GET user/me/friends";
    private final PageTokens tokens = PageTokens.withRandomKey();

    private static void assertRefused(Runnable open) {
        assertThatThrownBy(open::run).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.getMessage()).contains("nextPage");
        });
    }

    @Test
    void roundTripsTheCursorAndPageSizeWithoutShowingThem() {
        String token = tokens.issue(INSTANCE, RESOURCE, new PageTokens.Page("QVFIUmJ2cursor", 25), NOW);

        assertThat(token).doesNotContain("QVFIUmJ2cursor").matches("[A-Za-z0-9_-]+");
        assertThat(tokens.open(token, INSTANCE, RESOURCE, NOW.plusSeconds(60)))
                .isEqualTo(new PageTokens.Page("QVFIUmJ2cursor", 25));
    }

    @Test
    void isUselessToAnotherInstanceOrResourceOrNodeKey() {
        String token = tokens.issue(INSTANCE, RESOURCE, new PageTokens.Page("c", 25), NOW);

        assertRefused(() -> tokens.open(token, new InstanceId(8), RESOURCE, NOW));
        assertRefused(() -> tokens.open(token, INSTANCE, "GET user/me/likes", NOW));
        assertRefused(() -> PageTokens.withRandomKey().open(token, INSTANCE, RESOURCE, NOW));
    }

    @Test
    void refusesTamperingGarbageAndOldTokens() {
        String token = tokens.issue(INSTANCE, RESOURCE, new PageTokens.Page("c", 25), NOW);
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[bytes.length - 1] ^= 1;

        assertRefused(() -> tokens.open(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), INSTANCE,
                RESOURCE, NOW));
        assertRefused(() -> tokens.open("not a token!", INSTANCE, RESOURCE, NOW));
        assertRefused(() -> tokens.open("", INSTANCE, RESOURCE, NOW));
        assertThatThrownBy(() -> tokens.open(token, INSTANCE, RESOURCE, NOW.plus(Duration.ofHours(2))))
                .hasMessageContaining("expired");
    }

    @Test
    void nodesSharingAKeyAcceptEachOthersTokens() {
        byte[] key = new byte[32];
        key[3] = 42;
        String token = new PageTokens(key).issue(INSTANCE, RESOURCE, new PageTokens.Page("c", 10), NOW);

        assertThat(new PageTokens(key).open(token, INSTANCE, RESOURCE, NOW).cursor()).isEqualTo("c");
    }
}
