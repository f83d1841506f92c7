package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.instance.Sealed;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.service.CredentialVault;
import dev.elements.core.tenant.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import dev.elements.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OperatorRoutesTest {
    private static final String KEYS = ApiServer.BASE + "/operator/keys";

    /**
     * Key management that records rotations, standing in for the database's: seven secrets under
     * key 101 until a rotation adds key 202 and moves them.
     */
    private static final class CountingKeys implements CredentialKeyStore, SealedSecrets {
        final AtomicInteger rotations = new AtomicInteger();
        private final List<StoredSecret> underOldKey = new ArrayList<>();

        CountingKeys() {
            CredentialVault vault = new CredentialVault(new PassThroughCipher());
            OrganizationId organization = new OrganizationId(1);
            for (long id = 1; id <= 7; id++) {
                InstanceSecrets secrets = new InstanceSecrets(
                        new TokenSet("token-" + id, null, Instant.EPOCH, List.of(), "42"), Map.of());
                underOldKey.add(new StoredSecret(new InstanceOwner(organization, new InstanceId(id)),
                        vault.seal(secrets, organization, new InstanceId(id))));
            }
        }

        @Override
        public Keyset keyset() {
            return rotations.get() == 0 ? new Keyset("101", List.of("101")) : new Keyset("202", List.of("101", "202"));
        }

        @Override
        public synchronized Keyset addPrimaryKey() {
            rotations.incrementAndGet();
            return keyset();
        }

        @Override
        public Duration adoptionDelay() {
            return Duration.ZERO;
        }

        @Override
        public synchronized List<StoredSecret> underOtherKeysThan(String keyId, Kind kind, Owner after, int limit) {
            return kind == Kind.INSTANCE_SECRETS && keyId.equals("202") ? List.copyOf(underOldKey) : List.of();
        }

        @Override
        public synchronized boolean replace(StoredSecret read, Sealed resealed) {
            return underOldKey.remove(read);
        }

        @Override
        public synchronized Map<String, Long> countByKeyId(Kind kind) {
            return kind == Kind.IDEMPOTENCY_ANSWERS ? Map.of()
                    : underOldKey.isEmpty() ? Map.of("202", 7L) : Map.of("101", (long) underOldKey.size());
        }
    }

    @Test
    void theOperatorRotatesTheKeysAndSeesWhereSecretsAre() {
        CountingKeys keys = new CountingKeys();
        try (ApiServer server = ApiServer.start(builder -> builder.operatorSecret(ApiServer.OPERATOR_SECRET)
                .credentialKeys(keys, keys))) {
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
                .credentialKeys(keys, keys))) {
            assertThat(server.postJson(KEYS + "/rotate", "Operator wrong", "{}").status()).isEqualTo(401);
            assertThat(server.postJson(KEYS + "/rotate", server.auth(), "{}").status()).isEqualTo(401);
            assertThat(server.get(KEYS, null).status()).isEqualTo(401);
            assertThat(keys.rotations).hasValue(0);
        }
        try (ApiServer server = ApiServer.start(builder -> builder.credentialKeys(keys, keys))) {
            assertThat(server.postJson(KEYS + "/rotate", "Operator anything", "{}").status()).isEqualTo(404);
        }
    }

    @Test
    void theOperatorResetsAUsersSecretWhichIsShownOnceAndReplacesTheOldOne() {
        try (ApiServer server = ApiServer.withOperator()) {
            ApiServer.TestOrganization acme = server.organization("Acme", "boss@acme.example");
            ApiServer.TestOrganization other = server.organization("Other", "boss@other.example");
            server.member(other, "boss@acme.example");
            String operator = "Operator " + ApiServer.OPERATOR_SECRET;
            String reset = ApiServer.BASE + "/operator/users/BOSS@acme.example/secret";

            TestResponse ambiguous = server.postJson(reset, operator, "{}");
            TestResponse answer = server.postJson(reset + "?organizationId=" + acme.id(), operator, "{}");

            assertThat(ambiguous.status()).isEqualTo(400);
            assertThat(ambiguous.json().path("message").asText()).contains("name the organization");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("id").asLong()).isEqualTo(acme.administrator().id());
            String secret = answer.json().path("secret").asText();
            assertThat(server.get(ApiServer.BASE + "/organizations/users", acme.administrator().authorization())
                    .status()).isEqualTo(401);
            assertThat(server.get(ApiServer.BASE + "/organizations/users",
                    "User " + secret + ", Organization " + acme.secret()).status()).isEqualTo(200);
            TestResponse unknown = server.postJson(ApiServer.BASE + "/operator/users/nobody@acme.example/secret",
                    operator, "{}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("message").asText()).contains("No user with that email address");
            assertThat(server.postJson(reset, server.auth(), "{}").status()).isEqualTo(401);
            assertThat(server.postJson(reset + "?organizationId=x", operator, "{}").status()).isEqualTo(400);
        }
    }

    @Test
    void withoutAnOperatorSecretTheOperatorRoutesNameTheSettingThatTurnsThemOn() {
        try (ApiServer server = ApiServer.start()) {
            TestResponse answer = server.postJson(ApiServer.BASE + "/organizations", "Operator anything",
                    "{\"name\": \"Acme\", \"adminEmail\": \"a@acme.example\"}");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().path("message").asText()).contains("ELEMENTS_OPERATOR_SECRET");
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
