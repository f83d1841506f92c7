package dev.elements.app.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.elements.app.config.MasterKey;
import dev.elements.app.config.ProviderSettings;
import dev.elements.app.config.SecuritySettings;
import dev.elements.core.Elements;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.spi.ElementProvider;
import dev.elements.persistence.PersistenceStore;
import dev.elements.persistence.TinkPageTokenSealer;
import java.time.Clock;
import java.util.List;

/** The platform, built by core from the ports the other modules provide. */
public final class CoreModule extends AbstractModule {
    private final OperatorOverrides overrides;
    private final ProviderSettings providers;
    private final SecuritySettings security;
    private final Clock clock;

    public CoreModule(OperatorOverrides overrides, ProviderSettings providers, SecuritySettings security,
            Clock clock) {
        this.overrides = requireNonNull(overrides, "overrides");
        this.providers = requireNonNull(providers, "providers");
        this.security = requireNonNull(security, "security");
        this.clock = requireNonNull(clock, "clock");
    }

    @Provides
    @Singleton
    Elements elements(List<ElementProvider> plugins, PersistenceStore store, MasterKey masterKey) {
        Elements.Builder builder = Elements.builder()
                .providers(plugins)
                .operatorOverrides(overrides)
                .instances(store.instances())
                .tenants(store.tenants())
                .cipher(store.credentialCipher())
                .leases(store.refreshLeases())
                .idempotency(store.idempotencyRecords())
                .clock(clock)
                .providerTimeout(providers.timeout())
                .providerMaxResponseBytes(providers.maxResponseBytes())
                .readinessCheck(store.readinessCheck())
                .credentialKeys(store.credentialKeys(), store.sealedSecrets())
                .usageLedger(store.providerUsageLedger())
                // Every node derives the same key, so a page token from one node works on all.
                .pageTokens(new TinkPageTokenSealer(masterKey.derive("hub-page-tokens")));
        if (security.operatorSecret() != null) {
            builder.operatorSecret(security.operatorSecret());
        }
        return builder.build();
    }
}
