package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.service.PageTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Page tokens sealed with Tink, as every server node seals them. */
class TinkPageTokenSealerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final InstanceId INSTANCE = new InstanceId(7);
    private static final String RESOURCE = "GET user/me/friends";
    private static final byte[] AD = "page|7|GET user/me/friends".getBytes(StandardCharsets.UTF_8);

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        key[3] = (byte) seed;
        return key;
    }

    private static void assertRefused(Runnable open) {
        assertThatThrownBy(open::run).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.getMessage()).contains("nextPage");
        });
    }

    @Test
    void nodesSharingAKeyAcceptEachOthersTokensAndNodesWithAnotherKeyDoNot() {
        PageTokens nodeA = new PageTokens(new TinkPageTokenSealer(key(42)));
        PageTokens nodeB = new PageTokens(new TinkPageTokenSealer(key(42)));
        String token = nodeA.issue(INSTANCE, RESOURCE, new PageTokens.Page("QVFIUmJ2cursor", 10), NOW);

        assertThat(token).doesNotContain("QVFIUmJ2cursor");
        assertThat(nodeB.open(token, INSTANCE, RESOURCE, NOW.plusSeconds(60)))
                .isEqualTo(new PageTokens.Page("QVFIUmJ2cursor", 10));
        assertRefused(() -> new PageTokens(new TinkPageTokenSealer(key(43))).open(token, INSTANCE, RESOURCE, NOW));
        assertRefused(() -> nodeB.open(token, new InstanceId(8), RESOURCE, NOW));
        assertRefused(() -> nodeB.open(token, INSTANCE, "GET user/me/likes", NOW));
        assertThatThrownBy(() -> nodeB.open(token, INSTANCE, RESOURCE, NOW.plus(Duration.ofHours(2))))
                .hasMessageContaining("expired");
    }

    @Test
    void anAlteredTokenIsRefused() {
        PageTokens tokens = new PageTokens(new TinkPageTokenSealer(key(1)));
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(INSTANCE, RESOURCE, new PageTokens.Page("c", 25),
                NOW));
        for (int index = 0; index < bytes.length; index++) {
            byte[] altered = bytes.clone();
            altered[index] ^= 1;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertRefused(() -> tokens.open(forged, INSTANCE, RESOURCE, NOW));
        }
    }

    @Test
    void sealsFreshEachTimeAndOpensOnlyWithTheSameAssociatedData() {
        TinkPageTokenSealer sealer = new TinkPageTokenSealer(key(5));
        byte[] plaintext = "cursor".getBytes(StandardCharsets.UTF_8);

        byte[] once = sealer.seal(plaintext, AD);

        assertThat(sealer.seal(plaintext, AD)).isNotEqualTo(once);
        assertThat(sealer.open(once, AD)).hasValueSatisfying(opened -> assertThat(opened).isEqualTo(plaintext));
        assertThat(sealer.open(once, "page|8|GET user/me/friends".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(sealer.open(new byte[3], AD)).isEmpty();
        assertThatThrownBy(() -> new TinkPageTokenSealer(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
