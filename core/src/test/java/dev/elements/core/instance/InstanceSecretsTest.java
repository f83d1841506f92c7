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
    void keepsAnElementTokenForReadBack() {
        InstanceSecrets secrets = new InstanceSecrets(new TokenSet("t", null, null, List.of(), null), Map.of(),
                "canary-element-token");

        assertThat(InstanceSecrets.decode(secrets.encode())).isEqualTo(secrets);
        assertThat(secrets.withTokens(new TokenSet("t2", null, null, List.of(), null)).elementToken())
                .isEqualTo("canary-element-token");
        assertThat(secrets.toString()).doesNotContain("canary");
    }

    /** Rows sealed before read-back existed are in format 1, without an element token; they still open. */
    @Test
    void readsTheFormatWithoutAnElementToken() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("access");
            out.writeBoolean(false);
            out.writeLong(Long.MIN_VALUE);
            out.writeInt(1);
            out.writeUTF("email");
            out.writeBoolean(true);
            out.writeUTF("10001");
            out.writeInt(1);
            out.writeUTF("oauth.api.secret");
            out.writeUTF("shh");
        }

        assertThat(InstanceSecrets.decode(bytes.toByteArray())).isEqualTo(new InstanceSecrets(
                new TokenSet("access", null, null, List.of("email"), "10001"), Map.of("oauth.api.secret", "shh")));
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
