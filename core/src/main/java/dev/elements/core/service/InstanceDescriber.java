package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /** @param elementToken the element token to show this once, or null */
    InstanceDescription describe(Instance instance, String elementToken) {
        return describe(instance, elementToken, this::ownerEmail);
    }

    /** Several instances, each owner looked up once. */
    List<InstanceDescription> describeAll(List<Instance> instances) {
        Map<UserId, String> owners = new HashMap<>();
        return instances.stream()
                .map(instance -> describe(instance, null,
                        owned -> owners.computeIfAbsent(owned.ownerId(), id -> ownerEmail(owned))))
                .toList();
    }

    private InstanceDescription describe(Instance instance, String elementToken, Function<Instance, String> owner) {
        ElementDefinition element = registry.installed(instance.elementKey()).definition();
        return new InstanceDescription(instance.id(), instance.name(), elementToken, element, instance.tags(),
                instance.status(), instance.statusReason(), instance.valid(), instance.disabled(),
                shown(element, instance, vault.open(instance)), instance.ownerId(), owner.apply(instance),
                instance.createdAt());
    }

    /**
     * The configuration as the organization sees it: every entry of the element, absent ones as
     * null (as Cloud Elements shows them), secrets masked, the platform's own keys included.
     */
    static Map<String, String> shown(ElementDefinition element, Instance instance, InstanceSecrets secrets) {
        Map<String, String> values = new LinkedHashMap<>(ConfigurationPolicy.effective(element, instance, secrets)
                .asMap());
        values.put(CommonConfiguration.ACCESS_TOKEN, secrets.tokens().accessToken());
        secrets.tokens().refreshTokenIfAny().ifPresent(token -> values.put(CommonConfiguration.REFRESH_TOKEN, token));
        values.put(CommonConfiguration.REFRESH_TIME,
                Long.toString(instance.credentials().lastRenewedAt().toEpochMilli()));
        Map<String, String> shown = new LinkedHashMap<>();
        for (ConfigurationEntry entry : element.configuration()) {
            String value = values.get(entry.key());
            shown.put(entry.key(), value != null && entry.secret() ? InstanceDescription.MASK : value);
        }
        return shown;
    }

    private String ownerEmail(Instance instance) {
        return tenants.findUser(instance.organizationId(), instance.ownerId()).map(User::emailAddress).orElse("");
    }
}
