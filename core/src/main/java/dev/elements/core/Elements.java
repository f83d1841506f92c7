package dev.elements.core;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.memory.InMemoryDataDeletions;
import dev.elements.core.memory.InMemoryEventOutbox;
import dev.elements.core.memory.InMemoryEventPolls;
import dev.elements.core.memory.InMemoryIdempotencyRecords;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryPageTokenSealer;
import dev.elements.core.memory.InMemoryPendingAuthorizations;
import dev.elements.core.memory.InMemoryProviderUsageLedger;
import dev.elements.core.memory.InMemoryRefreshLeases;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.memory.PassThroughCipher;
import dev.elements.core.net.JdkProviderHttp;
import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.BootstrapOrganizationUseCase;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.CheckHealthUseCase;
import dev.elements.core.port.in.DeliverEventsUseCase;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.core.port.in.ManageEventsUseCase;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.in.ReceiveProviderEventsUseCase;
import dev.elements.core.port.out.CredentialCipher;
import dev.elements.core.port.out.CredentialKeyStore;
import dev.elements.core.port.out.DataDeletions;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.EventPolls;
import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.port.out.RefreshLeases;
import dev.elements.core.port.out.SealedSecrets;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.PageTokenSealer;
import dev.elements.core.port.out.PendingAuthorizations;
import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.port.out.ReadinessCheck;
import dev.elements.core.port.out.Sleeper;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.service.RenewalService;
import dev.elements.core.service.ServiceWiring;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.tenant.SecretGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedding façade: collects the ports a host supplies, with defaults for embedding, and hands
 * out the use cases that {@link ServiceWiring} builds from them. This is the whole entry point for
 * embedding: a host with its own storage, web framework or none at all builds one of these. The
 * server builds one too, from the ports its composition root binds.
 *
 * <pre>{@code
 * Elements elements = Elements.builder()
 *         .providers(ServiceLoader.load(ElementProvider.class))
 *         .instances(myInstanceRepository)
 *         .tenants(myTenantRepository)
 *         .cipher(myCipher)
 *         .build();
 * elements.provisioning().provision(command);
 * }</pre>
 */
public final class Elements {
    /** The most PKCE logins under way at once, unless the builder's {@code pendingAuthorizationLimit} says otherwise. */
    public static final int DEFAULT_PENDING_AUTHORIZATION_LIMIT = 10_000;

    private final ServiceWiring services;

    private Elements(Builder builder) {
        this.services = new ServiceWiring(new ServiceWiring.Ports(builder.providers, builder.overrides,
                builder.instances, builder.tenants, builder.cipher, builder.leases, builder.idempotency,
                builder.pendingAuthorizations, builder.pendingAuthorizationLimit, builder.usage,
                builder.pageTokens, builder.credentialKeys, builder.sealedSecrets, builder.operatorSecret,
                builder.readinessChecks, builder.http, builder.clock, builder.providerTimeout, builder.secrets,
                builder.sleeper, builder.elementTokenReadback,
                new ServiceWiring.EventPorts(builder.eventOutbox, builder.eventPolls, builder.dataDeletions),
                builder.allowPrivateCallbacks));
    }

    public static Builder builder() {
        return new Builder();
    }

    public DescribeElementsUseCase elements() {
        return services.elements();
    }

    public GetAuthorizationUrlUseCase authorizationUrls() {
        return services.authorizationUrls();
    }

    public ProvisionInstanceUseCase provisioning() {
        return services.provisioning();
    }

    public ManageInstancesUseCase instances() {
        return services.instances();
    }

    public AuthenticateUseCase authentication() {
        return services.authentication();
    }

    public CheckHealthUseCase health() {
        return services.health();
    }

    /** The first organization of a fresh installation. */
    public BootstrapOrganizationUseCase bootstrap() {
        return services.bootstrap();
    }

    public ManageTenantsUseCase tenants() {
        return services.tenants();
    }

    /** The operator's key rotation. */
    public ManageCredentialKeysUseCase credentialKeys() {
        return services.credentialKeys();
    }

    /** Calls to providers through instances. */
    public CallHubUseCase hub() {
        return services.hub();
    }

    /** What providers send to {@code /events/{elementKey}}: webhooks and notices about their users. */
    public ReceiveProviderEventsUseCase receiveEvents() {
        return services.receiveEvents();
    }

    /** An organization's view of its instances' events. */
    public ManageEventsUseCase manageEvents() {
        return services.manageEvents();
    }

    /** Delivery of events to applications' callbacks, with retries, and polling of the instances that poll. */
    public DeliverEventsUseCase deliverEvents() {
        return services.deliverEvents();
    }

    /** Background, inline and on-request renewal of provider credentials. */
    public RenewalService renewals() {
        return services.renewals();
    }

    /**
     * Collects the ports. Storage and the cipher have no default on purpose: a host chooses where
     * credentials live, or says {@link #inMemory()} explicitly.
     */
    public static final class Builder {
        private final List<ElementProvider> providers = new ArrayList<>();
        private final List<ReadinessCheck> readinessChecks = new ArrayList<>();
        private OperatorOverrides overrides = OperatorOverrides.none();
        private InstanceRepository instances;
        private TenantRepository tenants;
        private CredentialCipher cipher;
        private RefreshLeases leases;
        private IdempotencyRecords idempotency;
        private PendingAuthorizations pendingAuthorizations;
        private int pendingAuthorizationLimit = DEFAULT_PENDING_AUTHORIZATION_LIMIT;
        private String operatorSecret;
        private CredentialKeyStore credentialKeys;
        private SealedSecrets sealedSecrets;
        private ProviderUsageLedger usage;
        private PageTokenSealer pageTokens;
        private ProviderHttp http;
        private boolean elementTokenReadback;
        private Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        private Duration providerTimeout = Duration.ofSeconds(10);
        private long providerMaxResponseBytes = JdkProviderHttp.DEFAULT_MAX_RESPONSE_BYTES;
        private SecretGenerator secrets = new SecretGenerator();
        private Sleeper sleeper = Sleeper.threadSleep();
        private EventOutbox eventOutbox;
        private EventPolls eventPolls;
        private DataDeletions dataDeletions;
        private boolean allowPrivateCallbacks = true;

        private Builder() {
        }

        public Builder provider(ElementProvider provider) {
            providers.add(requireNonNull(provider, "provider"));
            return this;
        }

        public Builder providers(Iterable<? extends ElementProvider> found) {
            found.forEach(this::provider);
            return this;
        }

        public Builder operatorOverrides(OperatorOverrides operatorOverrides) {
            this.overrides = requireNonNull(operatorOverrides, "operatorOverrides");
            return this;
        }

        public Builder instances(InstanceRepository instanceRepository) {
            this.instances = requireNonNull(instanceRepository, "instanceRepository");
            return this;
        }

        public Builder tenants(TenantRepository tenantRepository) {
            this.tenants = requireNonNull(tenantRepository, "tenantRepository");
            return this;
        }

        public Builder cipher(CredentialCipher credentialCipher) {
            this.cipher = requireNonNull(credentialCipher, "credentialCipher");
            return this;
        }

        public Builder leases(RefreshLeases refreshLeases) {
            this.leases = requireNonNull(refreshLeases, "refreshLeases");
            return this;
        }

        public Builder idempotency(IdempotencyRecords idempotencyRecords) {
            this.idempotency = requireNonNull(idempotencyRecords, "idempotencyRecords");
            return this;
        }

        /**
         * Where the PKCE verifiers of logins under way wait for their codes; every node of a cluster
         * must share one. Without one, an {@link InMemoryPendingAuthorizations} keeps them for this
         * process only.
         */
        public Builder pendingAuthorizations(PendingAuthorizations pending) {
            this.pendingAuthorizations = requireNonNull(pending, "pending");
            return this;
        }

        /**
         * The most PKCE logins under way at once, over every element: the login URL is open to
         * anyone, so this bounds what it can make the platform store. Beyond it, 429. Positive.
         */
        public Builder pendingAuthorizationLimit(int limit) {
            this.pendingAuthorizationLimit = limit;
            return this;
        }

        /** Where provider usage readings are shared; every node of a cluster must share one. */
        public Builder usageLedger(ProviderUsageLedger ledger) {
            this.usage = requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * What seals hub page tokens. Nodes that serve one application must seal with the same key;
         * without one, an {@link InMemoryPageTokenSealer} makes tokens good for this process only.
         */
        public Builder pageTokens(PageTokenSealer sealer) {
            this.pageTokens = requireNonNull(sealer, "sealer");
            return this;
        }

        /**
         * The storage's key management and the secrets it keeps sealed, for the operator's key
         * rotation; none when never called.
         */
        public Builder credentialKeys(CredentialKeyStore keys, SealedSecrets secrets) {
            this.credentialKeys = requireNonNull(keys, "keys");
            this.sealedSecrets = requireNonNull(secrets, "secrets");
            return this;
        }

        /** Enables {@code POST /organizations} for whoever presents this secret; off when never called. */
        public Builder operatorSecret(String secret) {
            this.operatorSecret = requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Whether element tokens are kept, sealed with the instance's other secrets, and shown in full
         * to their organization on every read of the instance, as Cloud Elements showed them. Off
         * unless called: then a token is shown once, when made, and only its digest is kept, so that
         * a copy of the database (or of the key) yields no working token.
         */
        public Builder elementTokenReadback(boolean readback) {
            this.elementTokenReadback = readback;
            return this;
        }

        /** In-memory storage and an unencrypted cipher: for tests, demos and short-lived hosts. */
        public Builder inMemory() {
            this.instances = new InMemoryInstanceRepository();
            this.tenants = new InMemoryTenantRepository(clock);
            this.cipher = new PassThroughCipher();
            this.leases = new InMemoryRefreshLeases();
            this.idempotency = new InMemoryIdempotencyRecords();
            this.usage = new InMemoryProviderUsageLedger();
            return this;
        }

        public Builder http(ProviderHttp providerHttp) {
            this.http = requireNonNull(providerHttp, "providerHttp");
            return this;
        }

        /**
         * The platform's clock. It is read to the millisecond, because that is what storage keeps: an
         * instance read back must equal the one written.
         */
        public Builder clock(Clock platformClock) {
            this.clock = Clock.tick(requireNonNull(platformClock, "platformClock"), Duration.ofMillis(1));
            return this;
        }

        /** How the platform pauses between retries and while spacing calls out; tests pass a recorder. */
        public Builder sleeper(Sleeper pauses) {
            this.sleeper = requireNonNull(pauses, "pauses");
            return this;
        }

        public Builder providerTimeout(Duration timeout) {
            this.providerTimeout = requireNonNull(timeout, "timeout");
            return this;
        }

        /** The largest provider answer the default outbound HTTP reads; larger ones fail with a 502. */
        public Builder providerMaxResponseBytes(long bytes) {
            this.providerMaxResponseBytes = bytes;
            return this;
        }

        /**
         * Where accepted provider events wait for delivery; every node of a cluster must share one.
         * Without one, an {@link InMemoryEventOutbox} keeps them for this process only.
         */
        public Builder eventOutbox(EventOutbox outbox) {
            this.eventOutbox = requireNonNull(outbox, "outbox");
            return this;
        }

        /** The polling schedule; every node of a cluster must share one. In memory unless called. */
        public Builder eventPolls(EventPolls polls) {
            this.eventPolls = requireNonNull(polls, "polls");
            return this;
        }

        /** The record of data deletions done at providers' users' request. In memory unless called. */
        public Builder dataDeletions(DataDeletions deletions) {
            this.dataDeletions = requireNonNull(deletions, "deletions");
            return this;
        }

        /**
         * Whether event callbacks may name loopback, private, link-local and carrier-grade NAT
         * addresses (true unless called: a local setup calls its own machine). A server reachable by
         * applications it does not trust says false, so no application reaches its network through it.
         */
        public Builder allowPrivateCallbacks(boolean allow) {
            this.allowPrivateCallbacks = allow;
            return this;
        }

        public Builder readinessCheck(ReadinessCheck check) {
            readinessChecks.add(requireNonNull(check, "check"));
            return this;
        }

        public Elements build() {
            requireNonNull(instances, "instances: call instances(...) or inMemory()");
            requireNonNull(tenants, "tenants: call tenants(...) or inMemory()");
            requireNonNull(cipher, "cipher: call cipher(...) or inMemory()");
            requireNonNull(leases, "leases: call leases(...) or inMemory()");
            requireNonNull(idempotency, "idempotency: call idempotency(...) or inMemory()");
            requireNonNull(usage, "usage: call usageLedger(...) or inMemory()");
            if (http == null) {
                http = new JdkProviderHttp(Duration.ofSeconds(5), providerMaxResponseBytes);
            }
            if (pendingAuthorizations == null) {
                pendingAuthorizations = new InMemoryPendingAuthorizations();
            }
            if (pageTokens == null) {
                pageTokens = new InMemoryPageTokenSealer();
            }
            if (eventOutbox == null) {
                eventOutbox = new InMemoryEventOutbox();
            }
            if (eventPolls == null) {
                eventPolls = new InMemoryEventPolls();
            }
            if (dataDeletions == null) {
                dataDeletions = new InMemoryDataDeletions();
            }
            return new Elements(this);
        }
    }
}
