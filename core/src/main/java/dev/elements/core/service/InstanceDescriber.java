package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementRegistry;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.out.TenantRepository;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows an instance to its organization: effective configuration, every secret masked. */
final class InstanceDescriber {
    private final ElementRegistry registry;
    private final CredentialVault vault;
    private final TenantRepository tenants;

    InstanceDescriber(ElementRegistry registry, CredentialVault vault, TenantRepository tenants) {
        this.registry = requireNonNull(registry, "registry");
        this.vault = requireNonNull(vault, "vault");
        this.tenants = requireNonNull(tenants, "tenants");
    }

    ElementDefinition elementOf(Instance instance) {
        return registry.find(instance.elementKey())
                .orElseThrow(() -> new PlatformException(ErrorCode.INTERNAL_ERROR,
                        "Element " + instance.elementKey() + " of instance " + instance.id() + " is not installed"))
                .definition();
    }

    /** @param elementToken the element token to show this once, or null */
    InstanceDescription describe(Instance instance, String elementToken) {
        ElementDefinition element = elementOf(instance);
        InstanceSecrets secrets = vault.open(instance);
        Map<String, String> values = new LinkedHashMap<>(element.defaults());
        values.putAll(instance.configuration());
        values.putAll(secrets.secretConfiguration());
        values.put(CommonConfiguration.ACCESS_TOKEN, secrets.tokens().accessToken());
        secrets.tokens().refreshTokenIfAny().ifPresent(token -> values.put(CommonConfiguration.REFRESH_TOKEN, token));
        values.put(CommonConfiguration.REFRESH_TIME,
                Long.toString(instance.credentials().lastRenewedAt().toEpochMilli()));

        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        // Every entry is listed, absent ones as null, as Cloud Elements shows them.
        for (ConfigurationEntry entry : element.configuration()) {
            String value = values.get(entry.key());
            shown.put(entry.key(), value != null && entry.secret() ? InstanceDescription.MASK : value);
            ids.put(entry.key(), entry.id());
        }
        String ownerEmail = tenants.findUser(instance.organizationId(), instance.ownerId())
                .map(user -> user.emailAddress())
                .orElse("");
        return new InstanceDescription(instance.id(), instance.name(), elementToken, element, instance.tags(),
                instance.status(), instance.statusReason(), instance.valid(), instance.disabled(), shown, ids,
                instance.ownerId(), ownerEmail, instance.createdAt());
    }
}
