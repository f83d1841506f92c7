package dev.elements.core.testing;

import dev.elements.core.Elements;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.memory.InMemoryIdempotencyRecords;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryRefreshLeases;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.service.CredentialVault;
import dev.elements.core.tenant.Principal;
import dev.elements.testing.TestClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole platform in memory with the scripted element and a movable clock, for service tests. */
public final class Platform {
    public final TestClock clock = new TestClock(Fixtures.NOW);
    public final ScriptedElementProvider provider = new ScriptedElementProvider();
    public final InMemoryInstanceRepository instances = new InMemoryInstanceRepository();
    public final InMemoryTenantRepository tenants = new InMemoryTenantRepository(clock);
    public final InMemoryIdempotencyRecords idempotency = new InMemoryIdempotencyRecords();
    public final dev.elements.core.memory.InMemoryProviderUsageLedger usage =
            new dev.elements.core.memory.InMemoryProviderUsageLedger();
    public final PassThroughCipher cipher = new PassThroughCipher();
    public final RecordingSleeper sleeper = new RecordingSleeper();
    public final Elements elements = Elements.builder()
            .instances(instances).tenants(tenants).cipher(cipher)
            .leases(new InMemoryRefreshLeases()).idempotency(idempotency).usageLedger(usage)
            .clock(clock).sleeper(sleeper).operatorSecret("operator-secret").provider(provider).build();
    public final String organizationSecret = Fixtures.secret();
    public final String userSecret = Fixtures.secret();
    public final Principal principal = elements.bootstrap().createFirstIfEmpty(organizationSecret, userSecret)
            .orElseThrow().principal();
    private int codes;

    public static Map<String, String> configuration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("oauth.api.key", "app-1");
        configuration.put("oauth.api.secret", "canary-app-secret");
        configuration.put("oauth.callback.url", "https://app.example/cb");
        return configuration;
    }

    /** A fresh code the scripted provider will accept once. */
    public String code() {
        String code = "code-" + (++codes);
        provider.accept(code, "provider-user-" + codes);
        return code;
    }

    public InstanceDescription provision(String name, List<String> tags) {
        return elements.provisioning().provision(new ProvisionInstanceCommand(principal, "scripted", code(),
                configuration(), tags, name, null));
    }

    public Instance stored(InstanceDescription description) {
        return instances.findById(description.id()).orElseThrow();
    }

    public InstanceSecrets secretsOf(InstanceDescription description) {
        return new CredentialVault(cipher).open(stored(description));
    }
}
