package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.UserId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shows an instance to its organization: effective configuration, every secret masked; the element
 * token once, when it is made, or on every read where the operator turned on read-back.
 */
final class InstanceDescriber {
    private final ElementRegistry registry;
    private final CredentialVault vault;
    private final TenantRepository tenants;
    private final boolean elementTokenReadback;

    InstanceDescriber(ElementRegistry registry, CredentialVault vault, TenantRepository tenants,
            boolean elementTokenReadback) {
        this.registry = requireNonNull(registry, "registry");
        this.vault = requireNonNull(vault, "vault");
        this.tenants = requireNonNull(tenants, "tenants");
        this.elementTokenReadback = elementTokenReadback;
    }

    /**
     * What to keep of a new element token with the instance's sealed secrets: the token where it is
     * read back, else nothing (only its digest is stored).
     */
    String keptToken(String elementToken) {
        return elementTokenReadback ? elementToken : null;
    }

    /** @param elementToken the element token just made, to show this once, or null */
    InstanceDescription describe(Instance instance, String elementToken) {
        return describe(instance, elementToken, this::owner);
    }

    /** Several instances, each owner looked up once. */
    List<InstanceDescription> describeAll(List<Instance> instances) {
        Map<UserId, InstanceDescription.Owner> owners = new HashMap<>();
        return instances.stream()
                .map(instance -> describe(instance, null,
                        owned -> owners.computeIfAbsent(owned.ownerId(), id -> owner(owned))))
                .toList();
    }

    private InstanceDescription describe(Instance instance, String elementToken,
            Function<Instance, InstanceDescription.Owner> owner) {
        ElementDefinition element = registry.installed(instance.elementKey()).definition();
        InstanceSecrets secrets = vault.open(instance);
        String shownToken = elementToken != null || !elementTokenReadback
                ? elementToken
                : secrets.elementTokenIfKept().orElse(null);
        return new InstanceDescription(instance.id(), instance.name(), shownToken, element, instance.tags(),
                instance.status(), instance.statusReason(), instance.valid(), instance.disabled(),
                shown(element, instance, secrets), owner.apply(instance), instance.createdAt());
    }

    /**
     * The configuration as the organization sees it: every entry of the element, absent ones as
     * null (as Cloud Elements shows them), secrets masked, the platform's own keys included; then
     * the values the application set under keys the element does not declare.
     */
    static Map<String, String> shown(ElementDefinition element, Instance instance, InstanceSecrets secrets) {
        Map<String, String> values = new LinkedHashMap<>(ConfigurationPolicy.effective(element, instance, secrets)
                .asMap());
        if (!secrets.tokens().isRemoved()) {
            values.put(CommonConfiguration.ACCESS_TOKEN, secrets.tokens().accessToken());
        }
        secrets.tokens().refreshTokenIfAny().ifPresent(token -> values.put(CommonConfiguration.REFRESH_TOKEN, token));
        values.put(CommonConfiguration.REFRESH_TIME,
                Long.toString(instance.credentials().lastRenewedAt().toEpochMilli()));
        Map<String, String> shown = new LinkedHashMap<>();
        for (ConfigurationEntry entry : element.configuration()) {
            String value = values.get(entry.key());
            shown.put(entry.key(), value != null && entry.secret() ? InstanceDescription.MASK : value);
        }
        instance.configuration().forEach((key, value) -> {
            if (element.entry(key).isEmpty()) {
                shown.put(key, value);
            }
        });
        return shown;
    }

    /** The user who created the instance; blank names when that user is gone. */
    private InstanceDescription.Owner owner(Instance instance) {
        return tenants.findUser(instance.organizationId(), instance.ownerId())
                .map(user -> new InstanceDescription.Owner(instance.ownerId(), user.emailAddress(), user.firstName(),
                        user.lastName()))
                .orElseGet(() -> new InstanceDescription.Owner(instance.ownerId(), "", "", ""));
    }
}
