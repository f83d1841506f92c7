package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationScope;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.CredentialState;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.ConfigurationValue;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.InstancePage;
import dev.elements.core.port.in.ListInstancesQuery;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.port.out.InstanceQuery;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An organization's view of, and changes to, its instances. */
public final class InstanceService implements ManageInstancesUseCase {
    private static final int WRITE_ATTEMPTS = 5;

    private final ElementRegistry registry;
    private final InstanceRepository instances;
    private final InstanceDescriber describer;
    private final CredentialVault vault;
    private final CodeExchange codes;
    private final RenewalService renewals;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final ConfigurationPolicy policy;
    private final PollSchedule polls;

    InstanceService(ElementRegistry registry, InstanceRepository instances, InstanceDescriber describer,
            CredentialVault vault, CodeExchange codes, RenewalService renewals, SecretGenerator secrets, Clock clock,
            ConfigurationPolicy policy, PollSchedule polls) {
        this.registry = requireNonNull(registry, "registry");
        this.instances = requireNonNull(instances, "instances");
        this.describer = requireNonNull(describer, "describer");
        this.vault = requireNonNull(vault, "vault");
        this.codes = requireNonNull(codes, "codes");
        this.renewals = requireNonNull(renewals, "renewals");
        this.secrets = requireNonNull(secrets, "secrets");
        this.clock = requireNonNull(clock, "clock");
        this.policy = requireNonNull(policy, "policy");
        this.polls = requireNonNull(polls, "polls");
    }

    @Override
    public InstanceDescription instance(Principal principal, InstanceId id) {
        return describer.describe(owned(principal, id), null);
    }

    @Override
    public InstancePage instances(Principal principal, ListInstancesQuery query) {
        String elementKey = null;
        if (query.element() != null) {
            elementKey = registry.find(query.element())
                    .orElseThrow(() -> new PlatformException(ErrorCode.ELEMENT_NOT_FOUND,
                            "No element with key or id " + RequestValues.quote(query.element())))
                    .key().value();
        }
        InstanceQuery page = new InstanceQuery(query.tags(), elementKey, query.where(), query.searchText(),
                (int) Math.min(Integer.MAX_VALUE, (long) (query.page() - 1) * query.pageSize()), query.pageSize());
        return new InstancePage(describer.describeAll(instances.list(principal.organizationId(), page)),
                instances.count(principal.organizationId(), page));
    }

    @Override
    public InstanceDescription update(Principal principal, InstanceId id, UpdateInstanceCommand command) {
        Instance before = owned(principal, id);
        RegisteredElement element = registry.installed(before.elementKey());
        if (command.element() != null && registry.find(command.element())
                .filter(named -> named.key().equals(element.key())).isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "element cannot change: instance " + id
                    + " belongs to " + element.key() + "; create a new instance for another element");
        }
        // The provider is asked before anything is written: if it refuses, nothing changes.
        Reauthorization reauthorization = null;
        if (command.code() != null) {
            ConfigurationPolicy.Accepted configuration = acceptedConfiguration(before, vault.open(before), element,
                    command);
            TokenSet tokens = codes.exchange(element, command.code(), command.state(), configuration.effective());
            reauthorization = new Reauthorization(tokens, codes.freshState(element, tokens,
                    configuration.effective()));
        }
        Reauthorization fresh = reauthorization;
        Configuration configurationBefore = ConfigurationPolicy.effective(element.definition(), before,
                vault.open(before));
        Instance updated = write(principal, id, current -> applyUpdate(current, element, command, fresh));
        polls.changed(element, configurationBefore, updated,
                ConfigurationPolicy.effective(element.definition(), updated, vault.open(updated)));
        return describer.describe(updated, null);
    }

    private record Reauthorization(TokenSet tokens, CredentialState state) {
    }

    private Instance applyUpdate(Instance current, RegisteredElement element, UpdateInstanceCommand command,
            Reauthorization reauthorization) {
        ElementDefinition definition = element.definition();
        InstanceSecrets stored = vault.open(current);
        ConfigurationPolicy.Accepted configuration = acceptedConfiguration(current, stored, element, command);
        TokenSet tokens = reauthorization != null ? reauthorization.tokens() : stored.tokens();
        CredentialState credentials = reauthorization != null
                ? reauthorization.state()
                : current.credentials().withRenewalInterval(CodeExchange.renewalInterval(configuration.effective()),
                        element.provider().renewBeforeExpiry());
        String name = command.name() != null ? Sanitizer.name(command.name(), definition.name()) : current.name();
        List<String> tags = command.tags() != null ? Sanitizer.tags(command.tags()) : current.tags();
        Instance.Changes changes = current.change()
                .name(name)
                .tags(tags)
                .configuration(configuration.plain())
                .secrets(vault.seal(stored.withTokens(tokens).withSecretConfiguration(configuration.secret()),
                        current.organizationId(),
                        current.id()))
                .credentials(credentials);
        if (reauthorization != null) {
            tokens.providerUser().ifPresent(changes::providerAccountId);
        }
        return changes.at(clock.instant());
    }

    /** The configuration an update leaves, checked; a masked value keeps the stored secret. */
    private ConfigurationPolicy.Accepted acceptedConfiguration(Instance current, InstanceSecrets stored,
            RegisteredElement element, UpdateInstanceCommand command) {
        Map<String, String> requested = new LinkedHashMap<>();
        if (command.configuration() != null) {
            command.configuration().forEach((key, value) -> {
                boolean keepSecret = InstanceDescription.MASK.equals(value) && element.definition().entry(key)
                        .filter(entry -> entry.secret() && entry.scope() == ConfigurationScope.INSTANCE).isPresent();
                requested.put(key, keepSecret ? stored.secretConfiguration().get(key) : value);
            });
        }
        boolean replaceAll = command.replace() && command.configuration() != null;
        return policy.accept(element.definition(), requested,
                InstanceDescriber.shown(element.definition(), current, stored),
                replaceAll ? Map.of() : current.configuration(),
                replaceAll ? Map.of() : stored.secretConfiguration());
    }

    @Override
    public void delete(Principal principal, InstanceId id) {
        if (!instances.delete(principal.organizationId(), id)) {
            throw notFound(id);
        }
        polls.deleted(id);
    }

    @Override
    public List<ConfigurationValue> configuration(Principal principal, InstanceId id) {
        return valuesOf(instance(principal, id));
    }

    private static List<ConfigurationValue> valuesOf(InstanceDescription description) {
        return description.configuration().entrySet().stream()
                .map(entry -> new ConfigurationValue(ConfigurationPolicy.entryOf(description.element(), entry.getKey()).id(),
                        entry.getKey(), entry.getValue()))
                .toList();
    }

    @Override
    public ConfigurationValue configurationValue(Principal principal, InstanceId id, long configurationId) {
        return configuration(principal, id).stream()
                .filter(value -> value.id() == configurationId)
                .findFirst()
                .orElseThrow(() -> unknownEntry(id, configurationId));
    }

    @Override
    public ConfigurationValue updateConfigurationValue(Principal principal, InstanceId id, long configurationId,
            String value) {
        Instance current = owned(principal, id);
        ConfigurationEntry entry = registry.installed(current.elementKey()).definition().entryById(configurationId)
                .orElseThrow(() -> unknownEntry(id, configurationId));
        Map<String, String> change = new LinkedHashMap<>();
        change.put(entry.key(), value);
        InstanceDescription updated = update(principal, id, new UpdateInstanceCommand(false, null, null, change, null,
                null));
        return new ConfigurationValue(entry.id(), entry.key(), updated.configuration().get(entry.key()));
    }

    @Override
    public InstanceDescription setEnabled(Principal principal, InstanceId id, boolean enabled) {
        Instance updated = write(principal, id, current -> current.change().disabled(!enabled).at(clock.instant()));
        return describer.describe(updated, null);
    }

    @Override
    public InstanceDescription regenerateToken(Principal principal, InstanceId id) {
        String token = secrets.newSecret();
        // Where tokens are read back, the kept copy changes with the digest, in the same write.
        Instance updated = write(principal, id, current -> current.change()
                .tokenDigest(SecretDigest.of(token))
                .secrets(vault.seal(vault.open(current).withElementToken(describer.keptToken(token)),
                        current.organizationId(), current.id()))
                .at(clock.instant()));
        return describer.describe(updated, token);
    }

    @Override
    public InstanceDescription refresh(Principal principal, InstanceId id) {
        return describer.describe(renewals.renewNow(owned(principal, id)), null);
    }

    @Override
    public InstanceId instanceOfToken(Principal principal, String elementToken) {
        if (elementToken == null || elementToken.isBlank()) {
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS, "This route needs an Element token");
        }
        Instance instance = instances.findByTokenDigest(SecretDigest.of(elementToken))
                .orElseThrow(() -> new PlatformException(ErrorCode.INVALID_CREDENTIALS, "Invalid Element token"));
        if (!instance.organizationId().equals(principal.organizationId())) {
            // Says nothing about the instance: not even that it exists elsewhere.
            throw new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance of this organization has that token");
        }
        return instance.id();
    }

    /**
     * Applies a change with a version check, re-reading and re-applying when someone else (a
     * renewal, another request) wrote in between, so no write is lost and none is based on a stale copy.
     */
    private Instance write(Principal principal, InstanceId id, UnaryOperator<Instance> change) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Instance updated = change.apply(owned(principal, id));
            if (instances.update(updated)) {
                return updated;
            }
        }
        throw new PlatformException(ErrorCode.CONCURRENT_UPDATE,
                "Instance " + id + " kept changing while this request ran; read it again and retry");
    }

    private Instance owned(Principal principal, InstanceId id) {
        return owned(instances, principal, id);
    }

    /**
     * The instance if the caller's organization owns it: who may read an instance may read what
     * hangs off it (its events). Another organization's instance is reported exactly like a missing one.
     */
    static Instance owned(InstanceRepository instances, Principal principal, InstanceId id) {
        return instances.find(principal.organizationId(), id).orElseThrow(() -> notFound(id));
    }

    private static PlatformException notFound(InstanceId id) {
        return new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance with id " + id);
    }

    private static PlatformException unknownEntry(InstanceId id, long configurationId) {
        return new PlatformException(ErrorCode.RESOURCE_NOT_FOUND,
                "No configuration entry " + configurationId + " on instance " + id);
    }
}
