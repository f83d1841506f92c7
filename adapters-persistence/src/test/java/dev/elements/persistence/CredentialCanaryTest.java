package dev.elements.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.Elements;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.service.CredentialVault;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.ScriptedElementProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials reach the disk only encrypted: a canary sealed by the real cipher is nowhere in the
 * H2 files, while a value stored in plain text (the instance's name) is found there, so the search
 * itself is shown to work.
 */
class CredentialCanaryTest {
    @TempDir
    Path dataDirectory;

    @Test
    void noCredentialAndNoMasterKeyIsInAnyFileOfTheDatabase() throws IOException {
        String accessToken = "canary-access-token-" + UUID.randomUUID();
        String secretValue = "canary-api-secret-" + UUID.randomUUID();
        String name = "visible-instance-name-" + UUID.randomUUID();
        byte[] masterKey = TestStores.newMasterKey();
        InstanceId id;
        try (PersistenceStore store = TestStores.openH2(dataDirectory, masterKey)) {
            Principal owner = store.tenants().createOrganization("Canary", SecretDigest.of(Fixtures.secret()),
                    Fixtures.newUser("admin@canary.example", Role.ORG_ADMIN));
            id = store.instances().nextId();
            InstanceSecrets secrets = new InstanceSecrets(
                    new TokenSet(accessToken, null, Fixtures.NOW.plusSeconds(3600), List.of("public_profile"), "42"),
                    Map.of("oauth.api.secret", secretValue));
            Instance draft = Fixtures.instance(id, owner.organizationId(), owner.user().id(), name, List.of("tag"));
            Instance instance = draft.change()
                    .secrets(new CredentialVault(store.credentialCipher()).seal(secrets, owner.organizationId(), id))
                    .at(Fixtures.NOW);
            store.instances().insert(instance);
        }

        assertThat(filesContaining(name.getBytes(UTF_8))).as("the plainly stored name is found").isNotEmpty();
        assertThat(filesContaining(accessToken.getBytes(UTF_8))).isEmpty();
        assertThat(filesContaining(secretValue.getBytes(UTF_8))).isEmpty();
        assertThat(filesContaining(masterKey)).isEmpty();

        try (PersistenceStore reopened = TestStores.openH2(dataDirectory, masterKey)) {
            Instance stored = reopened.instances().findById(id).orElseThrow();
            InstanceSecrets opened = new CredentialVault(reopened.credentialCipher()).open(stored);
            assertThat(opened.tokens().accessToken()).isEqualTo(accessToken);
            assertThat(opened.secretConfiguration()).containsEntry("oauth.api.secret", secretValue);
        }
    }

    @Test
    void aPkceVerifierIsInNoFileOfTheDatabase() throws IOException {
        String state = "visible-state-" + UUID.randomUUID();
        byte[] masterKey = TestStores.newMasterKey();
        ScriptedElementProvider provider = new ScriptedElementProvider().usePkce(true);
        provider.accept("code-1", "provider-user-1");
        String verifier;
        Principal owner;
        try (PersistenceStore store = TestStores.openH2(dataDirectory, masterKey)) {
            Elements elements = elementsOn(store, provider);
            owner = elements.bootstrap().createFirstIfEmpty(null, null).orElseThrow().principal();
            elements.authorizationUrls().authorizationUrl(
                    new GetAuthorizationUrlCommand("scripted", "app-1", "https://app.example/cb", null, state));
            // An outage during the exchange keeps the verifier again, and shows the test what it is.
            provider.failNext(ProviderErrorClass.TRANSIENT, "try later");
            assertThatThrownBy(() -> provision(elements, owner, state)).isInstanceOf(PlatformException.class);
            verifier = provider.seenCodes().get(0).codeVerifier();
        }

        assertThat(filesContaining(state.getBytes(UTF_8))).as("the plainly stored state is found").isNotEmpty();
        assertThat(filesContaining(verifier.getBytes(UTF_8))).isEmpty();

        try (PersistenceStore reopened = TestStores.openH2(dataDirectory, masterKey)) {
            provision(elementsOn(reopened, provider), owner, state);
            assertThat(provider.seenCodes().get(1).codeVerifier()).isEqualTo(verifier);
        }
    }

    /**
     * {@code ELEMENTS_COMPAT_TOKEN_READBACK}: off, the element token is stored as a digest only; on,
     * it is kept sealed with the credentials, and shown again after a restart, yet never in plain text.
     * An undeclared configuration value is stored plainly, JSON text and all, and comes back.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anElementTokenIsInNoFileOfTheDatabaseWithReadBackOnOrOff(boolean readback) throws IOException {
        String poller = "{\"visible\":\"" + UUID.randomUUID() + "\"}";
        byte[] masterKey = TestStores.newMasterKey();
        ScriptedElementProvider provider = new ScriptedElementProvider();
        provider.accept("code-1", "provider-user-1");
        InstanceDescription created;
        Principal owner;
        try (PersistenceStore store = TestStores.openH2(dataDirectory, masterKey)) {
            Elements elements = elementsOn(store, provider, readback);
            owner = elements.bootstrap().createFirstIfEmpty(null, null).orElseThrow().principal();
            created = elements.provisioning().provision(new ProvisionInstanceCommand(owner, "scripted", "code-1",
                    Map.of("oauth.api.key", "app-1", "oauth.api.secret", "app-secret",
                            "oauth.callback.url", "https://app.example/cb", "event.poller.configuration", poller),
                    List.of(), null, null));
        }
        String elementToken = created.token().orElseThrow();

        assertThat(filesContaining(poller.getBytes(UTF_8))).as("the plainly stored value is found").isNotEmpty();
        assertThat(filesContaining(elementToken.getBytes(UTF_8))).isEmpty();

        try (PersistenceStore reopened = TestStores.openH2(dataDirectory, masterKey)) {
            InstanceDescription read = elementsOn(reopened, provider, readback).instances()
                    .instance(owner, created.id());
            assertThat(read.configuration()).containsEntry("event.poller.configuration", poller);
            assertThat(read.token()).isEqualTo(readback ? Optional.of(elementToken) : Optional.empty());
        }
    }

    private static Elements elementsOn(PersistenceStore store, ScriptedElementProvider provider) {
        return elementsOn(store, provider, false);
    }

    private static Elements elementsOn(PersistenceStore store, ScriptedElementProvider provider, boolean readback) {
        return Elements.builder().elementTokenReadback(readback)
                .instances(store.instances()).tenants(store.tenants()).cipher(store.credentialCipher())
                .leases(store.refreshLeases()).idempotency(store.idempotencyRecords())
                .usageLedger(store.providerUsageLedger()).pendingAuthorizations(store.pendingAuthorizations())
                .provider(provider).build();
    }

    private static void provision(Elements elements, Principal owner, String state) {
        Map<String, String> configuration = Map.of("oauth.api.key", "app-1", "oauth.api.secret", "app-secret",
                "oauth.callback.url", "https://app.example/cb");
        elements.provisioning().provision(new ProvisionInstanceCommand(owner, "scripted", "code-1", state,
                configuration, List.of(), null, null));
    }

    private List<Path> filesContaining(byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).as("the database wrote files to search").isNotEmpty();
            return all.stream().filter(file -> contains(read(file), needle)).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int offset = 0; offset < needle.length; offset++) {
                if (haystack[start + offset] != needle[offset]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
