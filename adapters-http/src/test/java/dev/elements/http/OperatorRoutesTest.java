package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.port.out.CredentialKeys;
import dev.elements.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OperatorRoutesTest {
    private static final String KEYS = ApiServer.BASE + "/operator/keys";

    /** Key management that records rotations, standing in for the database's. */
    private static final class CountingKeys implements CredentialKeys {
        final AtomicInteger rotations = new AtomicInteger();

        @Override
        public Rotation rotate() {
            rotations.incrementAndGet();
            return new Rotation("101", "202", 7, 0);
        }

        @Override
        public Inventory inventory() {
            return rotations.get() == 0
                    ? new Inventory("101", List.of("101"), Map.of("101", 7L))
                    : new Inventory("202", List.of("101", "202"), Map.of("202", 7L));
        }
    }

    @Test
    void theOperatorRotatesTheKeysAndSeesWhereSecretsAre() {
        CountingKeys keys = new CountingKeys();
        try (ApiServer server = ApiServer.start(builder -> builder.operatorSecret(ApiServer.OPERATOR_SECRET)
                .credentialKeys(keys))) {
            String operator = "Operator " + ApiServer.OPERATOR_SECRET;

            TestResponse before = server.get(KEYS, operator);
            TestResponse rotated = server.postJson(KEYS + "/rotate", operator, "{}");

            assertThat(before.status()).isEqualTo(200);
            assertThat(before.json().path("secretsUnderOlderKeys").asLong()).isZero();
            assertThat(rotated.status()).isEqualTo(200);
            assertThat(rotated.json().path("primaryKeyId").asText()).isEqualTo("202");
            assertThat(rotated.json().path("secretsReencrypted").asLong()).isEqualTo(7);
            assertThat(rotated.json().path("keys").path("keyIds")).hasSize(2);
            assertThat(keys.rotations).hasValue(1);
        }
    }

    @Test
    void onlyTheOperatorMayAndTheRoutesAreOffWithoutAnOperatorSecret() {
        CountingKeys keys = new CountingKeys();
        try (ApiServer server = ApiServer.start(builder -> builder.operatorSecret(ApiServer.OPERATOR_SECRET)
                .credentialKeys(keys))) {
            assertThat(server.postJson(KEYS + "/rotate", "Operator wrong", "{}").status()).isEqualTo(401);
            assertThat(server.postJson(KEYS + "/rotate", server.auth(), "{}").status()).isEqualTo(401);
            assertThat(server.get(KEYS, null).status()).isEqualTo(401);
            assertThat(keys.rotations).hasValue(0);
        }
        try (ApiServer server = ApiServer.start(builder -> builder.credentialKeys(keys))) {
            assertThat(server.postJson(KEYS + "/rotate", "Operator anything", "{}").status()).isEqualTo(404);
        }
    }

    @Test
    void storageWithoutKeyManagementSaysSo() {
        try (ApiServer server = ApiServer.withOperator()) {
            TestResponse answer = server.get(KEYS, "Operator " + ApiServer.OPERATOR_SECRET);

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().path("message").asText()).contains("no credential keys");
        }
    }
}
