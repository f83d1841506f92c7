package dev.elements.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.oauth.TokenSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceSecretsTest {
    @Test
    void survivesEncodingWithEveryFieldSet() {
        InstanceSecrets secrets = new InstanceSecrets(
                new TokenSet("EAAB-token", "refresh-ü", Instant.ofEpochMilli(1_800_000_000_123L),
                        List.of("email", "public_profile"), "10001"),
                Map.of("oauth.api.secret", "shh", "event.notification.signature.key", "k"));

        assertThat(InstanceSecrets.decode(secrets.encode())).isEqualTo(secrets);
    }

    @Test
    void survivesEncodingWithOptionalFieldsAbsent() {
        InstanceSecrets secrets = new InstanceSecrets(new TokenSet("t", null, null, List.of(), null), Map.of());

        assertThat(InstanceSecrets.decode(secrets.encode())).isEqualTo(secrets);
    }

    @Test
    void refusesCorruptInput() {
        assertThatThrownBy(() -> InstanceSecrets.decode(new byte[] {1, 0})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> InstanceSecrets.decode(new byte[] {9})).hasMessageContaining("format 9");
    }

    @Test
    void neverPrintsSecrets() {
        InstanceSecrets secrets = new InstanceSecrets(new TokenSet("canary-access", "canary-refresh", null,
                List.of(), null), Map.of("oauth.api.secret", "canary-secret"));

        assertThat(secrets.toString()).doesNotContain("canary").contains("oauth.api.secret");
    }
}
