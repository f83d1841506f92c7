package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates an instance from a callback code, or from tokens the application already holds. Nothing is stored unless the provider accepted the code
 * and every later step succeeded, so a failed attempt leaves no half-made instance behind. With an
 * {@code Idempotency-Key}, a repeated request gets the first answer instead of a second instance.
 */
public final class ProvisioningService implements ProvisionInstanceUseCase {
    private static final System.Logger LOG = System.getLogger(ProvisioningService.class.getName());

    private final ElementRegistry registry;
    private final InstanceRepository instances;
    private final CredentialVault vault;
    private final InstanceDescriber describer;
    private final CodeExchange codes;
    private final IdempotentRequests idempotency;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final ConfigurationPolicy policy;
    private final PollSchedule polls;

    ProvisioningService(ElementRegistry registry, InstanceRepository instances, CredentialVault vault,
            InstanceDescriber describer, CodeExchange codes, IdempotentRequests idempotency, SecretGenerator secrets,
            Clock clock, ConfigurationPolicy policy, PollSchedule polls) {
        this.registry = requireNonNull(registry, "registry");
        this.instances = requireNonNull(instances, "instances");
        this.vault = requireNonNull(vault, "vault");
        this.describer = requireNonNull(describer, "describer");
        this.codes = requireNonNull(codes, "codes");
        this.idempotency = requireNonNull(idempotency, "idempotency");
        this.secrets = requireNonNull(secrets, "secrets");
        this.clock = requireNonNull(clock, "clock");
        this.policy = requireNonNull(policy, "policy");
        this.polls = requireNonNull(polls, "polls");
    }

    @Override
    public InstanceDescription provision(ProvisionInstanceCommand command) {
        if (command.idempotencyKey() == null) {
            return create(command);
        }
        return idempotency.once(command, () -> create(command));
    }

    private InstanceDescription create(ProvisionInstanceCommand command) {
        RegisteredElement element = registry.find(command.element())
                .orElseThrow(() -> new PlatformException(ErrorCode.UNKNOWN_ELEMENT_IN_REQUEST,
                        "Unknown element " + RequestValues.quote(command.element()) + " (element.key or element.id)"));
        // Held tokens are the authorization, not configuration: the platform keeps them sealed, like
        // tokens from a code, and the policy refuses them as configuration as ever.
        Map<String, String> requested = new LinkedHashMap<>(command.configuration());
        TokenSet held = command.externalAuthentication()
                ? new TokenSet(requested.remove(CommonConfiguration.ACCESS_TOKEN),
                        blankAsNull(requested.remove(CommonConfiguration.REFRESH_TOKEN)), null, List.of(), null)
                : null;
        ConfigurationPolicy.Accepted configuration = policy.accept(element.definition(), requested,
                element.definition().defaults(), Map.of(), Map.of());
        String name = Sanitizer.name(command.name(), element.definition().name());
        List<String> tags = Sanitizer.tags(command.tags());

        // The id first: storage that cannot take the instance refuses before the code, which works
        // only once, is spent.
        InstanceId id = instances.nextId();
        TokenSet tokens = held != null
                ? codes.adopt(element, held, configuration.effective())
                : codes.exchange(element, command.code(), command.state(), configuration.effective());

        Instant now = clock.instant();
        String elementToken = secrets.newSecret();
        Instance instance = new Instance(id, command.principal().organizationId(), command.principal().user().id(),
                element.key(), name, tags, configuration.plain(),
                vault.seal(new InstanceSecrets(tokens, configuration.secret(), describer.keptToken(elementToken)),
                        command.principal().organizationId(), id),
                tokens.providerUserId(), SecretDigest.of(elementToken), false,
                codes.freshState(element, tokens, configuration.effective()), now, now, 1);
        instances.insert(instance);
        polls.created(element, instance, configuration.effective());
        LOG.log(Level.INFO, "Provisioned instance {0} of element {1} for organization {2}", id, element.key(),
                command.principal().organizationId());
        return describer.describe(instance, elementToken);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
