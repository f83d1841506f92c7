package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.connect.ConnectSession;
import dev.elements.core.connect.ConnectSessionStatus;
import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.in.ConnectCallbackCommand;
import dev.elements.core.port.in.ConnectOutcome;
import dev.elements.core.port.in.ConnectPage;
import dev.elements.core.port.in.ConnectSessionCreated;
import dev.elements.core.port.in.ConnectSessionState;
import dev.elements.core.port.in.ConnectSessionsUseCase;
import dev.elements.core.port.in.CreateConnectSessionCommand;
import dev.elements.core.port.in.GetAuthorizationUrlCommand;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.out.ConnectSessions;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.port.out.UnopenableSecretException;
import dev.elements.core.tenant.Organization;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretGenerator;
import dev.elements.core.tenant.User;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hosted connect flow. A session keeps what {@code POST /instances} would take, checked when the
 * session is made and sealed; its page sends the person to the provider's login with the session's
 * own {@code state}; the callback takes that state once and makes the instance through
 * {@link ProvisioningService}, exactly as {@code POST /instances} would, for the session's maker.
 */
public final class ConnectSessionService implements ConnectSessionsUseCase {
    private static final System.Logger LOG = System.getLogger(ConnectSessionService.class.getName());
    /** How long a session's login may take, from the session's making to the provider's callback. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    /** How long a session stays readable after it expired, for an application that reads late. */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    private static final String CONFIGURATION = "configuration";
    private static final String ELEMENT_TOKEN = "element-token";
    /**
     * A stand-in for the code in the check at creation: the command requires one, and the person's
     * login brings the real one later.
     */
    private static final String CODE_TO_COME = "code-from-the-login";

    private final ConnectSessions sessions;
    private final ElementRegistry registry;
    private final ProvisioningService provisioning;
    private final GetAuthorizationUrlUseCase authorizationUrls;
    private final ManageInstancesUseCase instances;
    private final TenantRepository tenants;
    private final CredentialVault vault;
    private final SecretGenerator secrets;
    private final Clock clock;

    ConnectSessionService(ConnectSessions sessions, ElementRegistry registry, ProvisioningService provisioning,
            GetAuthorizationUrlUseCase authorizationUrls, ManageInstancesUseCase instances, TenantRepository tenants,
            CredentialVault vault, SecretGenerator secrets, Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.registry = requireNonNull(registry, "registry");
        this.provisioning = requireNonNull(provisioning, "provisioning");
        this.authorizationUrls = requireNonNull(authorizationUrls, "authorizationUrls");
        this.instances = requireNonNull(instances, "instances");
        this.tenants = requireNonNull(tenants, "tenants");
        this.vault = requireNonNull(vault, "vault");
        this.secrets = requireNonNull(secrets, "secrets");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public ConnectSessionCreated create(CreateConnectSessionCommand command) {
        Map<String, String> configuration = new LinkedHashMap<>(command.configuration());
        // The provider sends the person back to the platform, which passes the browser on.
        configuration.put(CommonConfiguration.OAUTH_CALLBACK_URL, command.callbackUrl().toString());
        ProvisioningService.Checked checked = provisioning.check(new ProvisionInstanceCommand(command.principal(),
                command.element(), CODE_TO_COME, configuration, command.tags(), command.name(), null));
        Principal principal = command.principal();
        String id = secrets.newSecret();
        Instant now = clock.instant();
        ConnectSession session = new ConnectSession(id, principal.organizationId(), principal.user().id(),
                checked.element().key(), command.name(), checked.tags(), command.redirectUrl(),
                vault.sealForConnect(encode(configuration), principal.organizationId(), id, CONFIGURATION),
                secrets.newSecret(), false, ConnectSessionStatus.PENDING, null, null, null, now, now.plus(LIFETIME));
        sessions.insert(session, now.minus(KEPT_AFTER_EXPIRY));
        LOG.log(Level.INFO, "Connect session for element {0} made for organization {1}", session.element(),
                session.organization());
        return new ConnectSessionCreated(id, session.expiresAt());
    }

    @Override
    public Optional<ConnectPage> page(String id, URI callbackUrl) {
        Optional<ConnectSession> found = sessions.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConnectSession session = found.get();
        Map<String, String> configuration = configuration(session);
        String organization = tenants.findOrganization(session.organization()).map(Organization::name).orElse("");
        ElementDefinition definition = registry.installed(session.element()).definition();
        String scope = configuration.getOrDefault(CommonConfiguration.OAUTH_SCOPE,
                Configuration.of(definition.defaults()).get(CommonConfiguration.OAUTH_SCOPE).orElse(""));
        ConnectFailure failure = failure(session);
        URI login = failure == null && session.status() == ConnectSessionStatus.PENDING && !session.stateUsed()
                ? authorizationUrls.authorizationUrl(new GetAuthorizationUrlCommand(session.element().value(),
                        configuration.get(CommonConfiguration.OAUTH_API_KEY), callbackUrl.toString(), scope,
                        session.state())).oauthUrl()
                : null;
        return Optional.of(new ConnectPage(status(session), failure, definition.name(), organization,
                Arrays.stream(scope.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(), login,
                session.redirectUrl(), session.expiresAt()));
    }

    @Override
    public ConnectOutcome complete(ConnectCallbackCommand command) {
        Optional<ConnectSession> found = command.state() == null || command.state().isBlank()
                ? Optional.empty()
                : sessions.findByState(command.state());
        if (found.isEmpty()) {
            return new ConnectOutcome(null, null, null, ConnectFailure.INVALID_STATE);
        }
        ConnectSession session = found.get();
        if (!sessions.useState(session.id(), session.state())) {
            return failedWithout(session, ConnectFailure.INVALID_STATE);
        }
        if (session.expiredAt(clock.instant())) {
            return fail(session, ConnectFailure.EXPIRED);
        }
        if (command.error() != null || command.code() == null || command.code().isBlank()) {
            return fail(session, ConnectFailure.ACCESS_DENIED);
        }
        Optional<Principal> owner = owner(session);
        if (owner.isEmpty()) {
            LOG.log(Level.WARNING, "Connect session of organization {0}: its maker is gone", session.organization());
            return fail(session, ConnectFailure.CONNECTION_FAILED);
        }
        InstanceDescription created;
        try {
            created = provisioning.provision(new ProvisionInstanceCommand(owner.get(), session.element().value(),
                    command.code(), session.state(), configuration(session), session.tags(), session.name(), null));
        } catch (PlatformException e) {
            LOG.log(Level.INFO, "Connect session for element {0} failed: {1}", session.element(), e.getMessage());
            return fail(session, ConnectFailure.CONNECTION_FAILED);
        }
        Sealed token = vault.sealForConnect(created.elementToken().getBytes(StandardCharsets.UTF_8),
                session.organization(), session.id(), ELEMENT_TOKEN);
        sessions.connected(session.id(), created.id(), token);
        return new ConnectOutcome(session.id(), session.redirectUrl(), created.id(), null);
    }

    @Override
    public ConnectSessionState session(Principal principal, String id) {
        ConnectSession session = sessions.find(id)
                .filter(found -> found.organization().equals(principal.organizationId()))
                .orElseThrow(ConnectSessionService::notFound);
        InstanceDescription instance = null;
        if (session.instance() != null) {
            instance = described(principal, session);
        }
        return new ConnectSessionState(session.id(), status(session), failure(session), instance,
                session.expiresAt());
    }

    /** The instance, with its element token the one time this read removes it from the session. */
    private InstanceDescription described(Principal principal, ConnectSession session) {
        InstanceDescription instance;
        try {
            instance = instances.instance(principal, session.instance());
        } catch (PlatformException e) {
            if (e.code() == ErrorCode.INSTANCE_NOT_FOUND) {
                return null;
            }
            throw e;
        }
        Sealed token = session.elementToken();
        if (token == null || !sessions.removeElementToken(session.id(), token)) {
            return instance;
        }
        try {
            String elementToken = new String(vault.openForConnect(token, session.organization(), session.id(),
                    ELEMENT_TOKEN), StandardCharsets.UTF_8);
            return new InstanceDescription(instance.id(), instance.name(), elementToken, instance.element(),
                    instance.tags(), instance.status(), instance.statusReason(), instance.valid(), instance.disabled(),
                    instance.configuration(), instance.owner(), instance.createdAt());
        } catch (UnopenableSecretException e) {
            LOG.log(Level.WARNING, "The element token kept by a connect session does not open: {0}", e.getMessage());
            return instance;
        }
    }

    private ConnectOutcome fail(ConnectSession session, ConnectFailure failure) {
        sessions.failed(session.id(), failure);
        return failedWithout(session, failure);
    }

    private static ConnectOutcome failedWithout(ConnectSession session, ConnectFailure failure) {
        return new ConnectOutcome(session.id(), session.redirectUrl(), null, failure);
    }

    /** A pending session whose login can no longer complete is failed, as expired. */
    private ConnectSessionStatus status(ConnectSession session) {
        return failure(session) != null ? ConnectSessionStatus.FAILED : session.status();
    }

    private ConnectFailure failure(ConnectSession session) {
        if (session.status() == ConnectSessionStatus.PENDING && session.expiredAt(clock.instant())) {
            return ConnectFailure.EXPIRED;
        }
        return session.failure();
    }

    /** The session's maker, who owns the instance, while that user is still active. */
    private Optional<Principal> owner(ConnectSession session) {
        Optional<Organization> organization = tenants.findOrganization(session.organization());
        Optional<User> user = tenants.findUser(session.organization(), session.owner()).filter(User::active);
        return organization.isEmpty() || user.isEmpty()
                ? Optional.empty()
                : Optional.of(new Principal(organization.get(), user.get()));
    }

    private Map<String, String> configuration(ConnectSession session) {
        return decode(vault.openForConnect(session.configuration(), session.organization(), session.id(),
                CONFIGURATION));
    }

    private static PlatformException notFound() {
        return PlatformException.notFound(ErrorCode.CONNECT_SESSION_NOT_FOUND,
                "No connect session with this id: it was never made, or is another organization's");
    }

    private static byte[] encode(Map<String, String> configuration) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(configuration.size());
            for (Map.Entry<String, String> entry : configuration.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            Map<String, String> configuration = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                configuration.put(in.readUTF(), in.readUTF());
            }
            return configuration;
        } catch (IOException e) {
            throw new IllegalStateException("A connect session's configuration is truncated or corrupt", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }
}
