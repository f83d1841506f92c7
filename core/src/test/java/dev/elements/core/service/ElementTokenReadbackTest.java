package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.Elements;
import dev.elements.core.instance.Instance;
import dev.elements.core.memory.InMemoryIdempotencyRecords;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryProviderUsageLedger;
import dev.elements.core.memory.InMemoryRefreshLeases;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ListInstancesQuery;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.ScriptedElementProvider;
import dev.elements.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ELEMENTS_COMPAT_TOKEN_READBACK}: element tokens shown on every read, as Cloud Elements did, only when on. */
class ElementTokenReadbackTest {
    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final ScriptedElementProvider provider = new ScriptedElementProvider();
    private final InMemoryInstanceRepository instances = new InMemoryInstanceRepository();

    private Elements elements(boolean readback) {
        return Elements.builder()
                .instances(instances).tenants(new InMemoryTenantRepository(clock)).cipher(new PassThroughCipher())
                .leases(new InMemoryRefreshLeases()).idempotency(new InMemoryIdempotencyRecords())
                .usageLedger(new InMemoryProviderUsageLedger())
                .clock(clock).provider(provider).elementTokenReadback(readback).build();
    }

    private static InstanceDescription provision(Elements elements, Principal principal) {
        return elements.provisioning().provision(new ProvisionInstanceCommand(principal, "scripted", "code-1",
                Map.of("oauth.api.key", "k", "oauth.api.secret", "s", "oauth.callback.url", "https://app.example/cb"),
                List.of(), "n", null));
    }

    private String storedBytes(InstanceDescription created) {
        Instance stored = instances.findById(created.id()).orElseThrow();
        return new String(stored.secrets().ciphertext(), StandardCharsets.UTF_8);
    }

    @Test
    void offTheTokenIsShownOnceAndNotKept() {
        Elements elements = elements(false);
        Principal principal = elements.bootstrap().createFirstIfEmpty(null, null).orElseThrow().principal();
        provider.accept("code-1", "u");

        InstanceDescription created = provision(elements, principal);

        String token = created.token().orElseThrow();
        assertThat(elements.instances().instance(principal, created.id()).token()).isEmpty();
        assertThat(storedBytes(created)).doesNotContain(token);
    }

    @Test
    void onTheTokenIsKeptSealedShownOnEveryReadAndFollowsRegeneration() {
        Elements elements = elements(true);
        Principal principal = elements.bootstrap().createFirstIfEmpty(null, null).orElseThrow().principal();
        provider.accept("code-1", "u");

        InstanceDescription created = provision(elements, principal);
        String token = created.token().orElseThrow();

        assertThat(elements.instances().instance(principal, created.id()).token()).contains(token);
        assertThat(elements.instances().instances(principal, ListInstancesQuery.firstPage()).instances())
                .singleElement().satisfies(listed -> assertThat(listed.token()).contains(token));
        // Kept inside the instance's sealed secrets (the pass-through cipher here shows them).
        assertThat(storedBytes(created)).contains(token);

        String regenerated = elements.instances().regenerateToken(principal, created.id()).token().orElseThrow();
        assertThat(regenerated).isNotEqualTo(token);
        assertThat(elements.instances().instance(principal, created.id()).token()).contains(regenerated);
        assertThat(storedBytes(created)).contains(regenerated).doesNotContain(token);
    }
}
