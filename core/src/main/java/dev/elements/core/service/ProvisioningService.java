package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ElementRegistry;
import dev.elements.core.element.RegisteredElement;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.CredentialState;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;

/**
 * Creates an instance from a callback code. Nothing is stored unless the provider accepted the code
 * and every later step succeeded, so a failed attempt leaves no half-made instance behind.
 */
public final class ProvisioningService implements ProvisionInstanceUseCase {
    private static final System.Logger LOG = System.getLogger(ProvisioningService.class.getName());
    static final Duration DEFAULT_RENEWAL_INTERVAL = Duration.ofHours(1);

    private final ElementRegistry registry;
    private final InstanceRepository instances;
    private final CredentialVault vault;
    private final InstanceDescriber describer;
    private final ElementContext context;
    private final SecretGenerator secrets;
    private final ConfigurationPolicy policy = new ConfigurationPolicy();

    ProvisioningService(ElementRegistry registry, InstanceRepository instances, CredentialVault vault,
            InstanceDescriber describer, ElementContext context, SecretGenerator secrets) {
        this.registry = requireNonNull(registry, "registry");
        this.instances = requireNonNull(instances, "instances");
        this.vault = requireNonNull(vault, "vault");
        this.describer = requireNonNull(describer, "describer");
        this.context = requireNonNull(context, "context");
        this.secrets = requireNonNull(secrets, "secrets");
    }

    @Override
    public InstanceDescription provision(ProvisionInstanceCommand command) {
        RegisteredElement element = registry.find(command.element())
                .orElseThrow(() -> new PlatformException(ErrorCode.UNKNOWN_ELEMENT_IN_REQUEST,
                        "Unknown element '" + command.element() + "' (element.key or element.id)"));
        ConfigurationPolicy.Accepted configuration = policy.accept(element.definition(), command.configuration(),
                java.util.Map.of(), java.util.Map.of());
        String name = Sanitizer.name(command.name(), element.definition().name());
        var tags = Sanitizer.tags(command.tags());

        TokenSet tokens = exchange(element, command.code(), configuration);

        Instant now = context.clock().instant();
        InstanceId id = instances.nextId();
        String elementToken = secrets.newSecret();
        CredentialState credentials = CredentialState.obtained(now, tokens.expiresAt(),
                configuration.effective().seconds(CommonConfiguration.REFRESH_INTERVAL, DEFAULT_RENEWAL_INTERVAL),
                element.provider().renewBeforeExpiry());
        Instance instance = new Instance(id, command.principal().organizationId(), command.principal().user().id(),
                element.key(), name, tags, configuration.plain(),
                vault.seal(new InstanceSecrets(tokens, configuration.secret()), command.principal().organizationId(),
                        id),
                tokens.providerUserId(), SecretDigest.of(elementToken), false, credentials, now, now, 1);
        instances.insert(instance);
        LOG.log(Level.INFO, "Provisioned instance {0} of element {1} for organization {2}", id, element.key(),
                command.principal().organizationId());
        return describer.describe(instance, elementToken);
    }

    private TokenSet exchange(RegisteredElement element, String code, ConfigurationPolicy.Accepted configuration) {
        try {
            return element.provider().exchangeCode(code, configuration.effective(), context);
        } catch (ProviderException e) {
            LOG.log(Level.INFO, "Code exchange for element {0} failed: {1} ({2})", element.key(), e.errorClass(),
                    e.getMessage());
            throw ProviderFailures.duringAuthorization(e, element.key().value());
        }
    }
}
