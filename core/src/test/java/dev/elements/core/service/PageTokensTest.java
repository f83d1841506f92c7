package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.memory.InMemoryPageTokenSealer;
import dev.elements.core.port.out.PageTokenSealer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The token format: what a token carries, its expiry and its binding, over the embedding default
 * sealer. That nodes sharing a key accept each other's tokens is the shared sealer's promise,
 * tested with it in adapters-persistence ({@code TinkPageTokenSealerTest}).
 */
class PageTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final InstanceId INSTANCE = new InstanceId(7);
    private static final String RESOURCE = "GET user/me/friends";
    private final PageTokens tokens = new PageTokens(new InMemoryPageTokenSealer());

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
        assertRefused(() -> new PageTokens(new InMemoryPageTokenSealer()).open(token, INSTANCE, RESOURCE, NOW));
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
    void theSealerOnlyEncryptsTheFormatAndTheBindingToInstanceAndResourceAreCores() {
        byte[][] handedOver = new byte[2][];
        PageTokens transparent = new PageTokens(new PageTokenSealer() {
            @Override
            public byte[] seal(byte[] plaintext, byte[] associatedData) {
                handedOver[0] = associatedData;
                return plaintext;
            }

            @Override
            public Optional<byte[]> open(byte[] sealed, byte[] associatedData) {
                handedOver[1] = associatedData;
                return Optional.of(sealed);
            }
        });
        String token = transparent.issue(INSTANCE, RESOURCE, new PageTokens.Page("c", 10), NOW);

        assertThat(transparent.open(token, INSTANCE, RESOURCE, NOW)).isEqualTo(new PageTokens.Page("c", 10));
        assertThat(handedOver[1]).as("opened with what it was sealed with").isEqualTo(handedOver[0]);
        assertThat(new String(handedOver[0], StandardCharsets.UTF_8))
                .as("bound to the instance and resource").isEqualTo("page|7|" + RESOURCE);
    }
}
