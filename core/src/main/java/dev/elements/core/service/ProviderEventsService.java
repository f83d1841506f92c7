package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ElementKey;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.AccountChanges;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.ReceiveProviderEventsUseCase;
import dev.elements.core.port.out.DataDeletions;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.UnopenableSecretException;
import dev.elements.core.spi.event.AccountNotices;
import dev.elements.core.spi.event.ProviderWebhooks;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Takes what providers send about their users: webhook deliveries become events in the outbox, and
 * signed notices (the user removed the application, or asked for their data to be deleted) change
 * the user's instances. Nothing is trusted before it is proven: a request acts only on the instances
 * whose own application credentials verify its signature, so one organization's app secret can never
 * vouch for a request that reaches another's instances.
 */
final class ProviderEventsService implements ReceiveProviderEventsUseCase {
    private static final System.Logger LOG = System.getLogger(ProviderEventsService.class.getName());
    /** The most instances one provider account routes to, over every organization. */
    static final int ROUTING_LIMIT = 1000;
    static final String DEAUTHORIZED = "The user removed the application at the provider; the user must authorize again";
    static final String DATA_DELETED = "The provider credentials were deleted at the user's request; the user must"
            + " authorize again";
    private static final int WRITE_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ElementRegistry registry;
    private final InstanceRepository instances;
    private final CredentialVault vault;
    private final EventOutbox outbox;
    private final DataDeletions deletions;
    private final Clock clock;

    ProviderEventsService(ElementRegistry registry, InstanceRepository instances, CredentialVault vault,
            EventOutbox outbox, DataDeletions deletions, Clock clock) {
        this.registry = requireNonNull(registry, "registry");
        this.instances = requireNonNull(instances, "instances");
        this.vault = requireNonNull(vault, "vault");
        this.outbox = requireNonNull(outbox, "outbox");
        this.deletions = requireNonNull(deletions, "deletions");
        this.clock = requireNonNull(clock, "clock");
    }

    /** An instance that proved a request, with the effective configuration that proved it. */
    private record Proven(Instance instance, Configuration configuration) {
    }

    @Override
    public Optional<String> handshake(ElementKey element, WebhookRequest request) {
        RegisteredElement registered = element(element);
        return capability(registered, registered.provider().webhooks())
                .handshake(request, elementDefaults(registered));
    }

    @Override
    public int receive(ElementKey element, WebhookRequest request) {
        RegisteredElement registered = element(element);
        ProviderWebhooks webhooks = capability(registered, registered.provider().webhooks());
        if (!webhooks.signed(request)) {
            throw unproven("The delivery is not signed");
        }
        Instant now = clock.instant();
        Predicate<Configuration> proves = configuration -> webhooks.authentic(request, configuration);
        Map<InstanceId, Optional<Proven>> checked = new LinkedHashMap<>();
        List<OutboxEvent> accepted = new ArrayList<>();
        for (AccountChanges changes : webhooks.parse(request)) {
            for (Instance routed : instances.findByProviderAccount(registered.key(), changes.accountId(),
                    ROUTING_LIMIT)) {
                Optional<Proven> proven = checked.computeIfAbsent(routed.id(),
                        id -> proven(registered, routed, proves));
                // A disabled instance still proves the delivery genuine; it only gets nothing.
                proven.filter(instance -> !instance.instance().disabled())
                        .ifPresent(instance -> accepted.addAll(Notifications.compose(instance.instance(),
                                instance.configuration(), changes.events(), changes.raw(),
                                Notifications.WEBHOOK_BATCH, now)));
            }
        }
        requireProven(registered, checked.values(), proves, "The delivery's signature");
        if (!accepted.isEmpty()) {
            outbox.append(accepted);
        }
        return accepted.size();
    }

    @Override
    public int deauthorize(ElementKey element, String signedNotice) {
        RegisteredElement registered = element(element);
        int changed = 0;
        for (Proven proven : provenBy(registered, signedNotice)) {
            String account = proven.instance().providerAccountId();
            if (write(proven.instance(), current -> account.equals(current.providerAccountId())
                    && current.credentials().status() != InstanceStatus.NEEDS_REAUTH,
                    current -> current.change().credentials(current.credentials().rejected(DEAUTHORIZED))
                            .at(clock.instant()))) {
                LOG.log(Level.INFO, "Instance {0} needs a new authorization: the user removed the application",
                        proven.instance().id());
                changed++;
            }
        }
        return changed;
    }

    @Override
    public DataDeletion deleteData(ElementKey element, String signedNotice) {
        RegisteredElement registered = element(element);
        int cleared = 0;
        int eventsDeleted = 0;
        for (Proven proven : provenBy(registered, signedNotice)) {
            String account = proven.instance().providerAccountId();
            // The account id goes with the tokens, so nothing the provider sends later reaches the
            // instance; its events go after, so none can be added for it in between.
            if (write(proven.instance(), current -> account.equals(current.providerAccountId()),
                    current -> current.change()
                            .secrets(vault.seal(vault.open(current).withTokens(TokenSet.removed()),
                                    current.organizationId(), current.id()))
                            .credentials(current.credentials().rejected(DATA_DELETED))
                            .providerAccountId(null)
                            .at(clock.instant()))) {
                cleared++;
                eventsDeleted += outbox.deleteAll(proven.instance().id());
                LOG.log(Level.INFO, "Deleted the provider credentials and events of instance {0} at the user's request",
                        proven.instance().id());
            }
        }
        DataDeletion deletion = new DataDeletion(confirmationCode(), registered.key(), clock.instant(), cleared,
                eventsDeleted);
        deletions.record(deletion);
        return deletion;
    }

    @Override
    public Optional<DataDeletion> dataDeletion(ElementKey element, String confirmationCode) {
        RegisteredElement registered = element(element);
        capability(registered, registered.provider().accountNotices());
        return deletions.find(registered.key(), confirmationCode);
    }

    /** The instances of the account a notice names that its signature proves, or a refusal. */
    private List<Proven> provenBy(RegisteredElement element, String signedNotice) {
        AccountNotices notices = capability(element, element.provider().accountNotices());
        Predicate<Configuration> proves = configuration -> notices.authentic(signedNotice, configuration);
        List<Optional<Proven>> checked = notices.account(signedNotice)
                .map(account -> instances.findByProviderAccount(element.key(), account, ROUTING_LIMIT))
                .orElse(List.of()).stream()
                .map(instance -> proven(element, instance, proves))
                .toList();
        requireProven(element, checked, proves, "The notice's signature");
        return checked.stream().flatMap(Optional::stream).toList();
    }

    /**
     * Routed to instances: at least one must have proven the request. Routed nowhere (an account
     * deleted here, a page nobody connected): the operator's own application secret decides when
     * set; without one nothing can be checked and nothing happens, and the provider hears 200 so it
     * does not retry for days and then switch the subscription off.
     */
    private void requireProven(RegisteredElement element, Collection<Optional<Proven>> checked,
            Predicate<Configuration> proves, String what) {
        if (checked.isEmpty()) {
            Configuration defaults = elementDefaults(element);
            if (defaults.get(CommonConfiguration.OAUTH_API_SECRET).isPresent() && !proves.test(defaults)) {
                throw unproven(what + " does not match the operator's application credentials");
            }
        } else if (checked.stream().allMatch(Optional::isEmpty)) {
            throw unproven(what + " does not match the application credentials of the instances it concerns");
        }
    }

    /** The instance with its effective configuration, if that configuration proves the request. */
    private Optional<Proven> proven(RegisteredElement element, Instance instance, Predicate<Configuration> proves) {
        Configuration configuration;
        try {
            configuration = ConfigurationPolicy.effective(element.definition(), instance, vault.open(instance));
        } catch (UnopenableSecretException e) {
            // One damaged row must not turn away the provider's news for every other instance.
            LOG.log(Level.WARNING, "The secrets of instance {0} do not open; it cannot prove a provider request",
                    instance.id());
            return Optional.empty();
        }
        return proves.test(configuration) ? Optional.of(new Proven(instance, configuration)) : Optional.empty();
    }

    /**
     * Writes {@code change} with a version check, re-reading and re-applying when someone else wrote
     * in between, as long as the instance still {@code needs} it.
     *
     * @return whether it was written
     */
    private boolean write(Instance seen, Predicate<Instance> needs, UnaryOperator<Instance> change) {
        Optional<Instance> current = Optional.of(seen);
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            if (current.filter(needs).isEmpty()) {
                return false;
            }
            if (instances.update(change.apply(current.get()))) {
                return true;
            }
            current = instances.findById(seen.id());
        }
        throw new PlatformException(ErrorCode.CONCURRENT_UPDATE,
                "Instance " + seen.id() + " kept changing while the provider's notice was applied; retry");
    }

    private RegisteredElement element(ElementKey key) {
        return registry.find(requireNonNull(key, "key")).orElseThrow(() -> noEvents(key));
    }

    private static <T> T capability(RegisteredElement element, Optional<T> capability) {
        return capability.orElseThrow(() -> noEvents(element.key()));
    }

    private static PlatformException noEvents(ElementKey key) {
        return new PlatformException(ErrorCode.ELEMENT_NOT_FOUND, "No element " + key + " receives provider events");
    }

    /** The element's defaults with the operator's overrides: what holds before any instance is in question. */
    private static Configuration elementDefaults(RegisteredElement element) {
        return Configuration.of(element.definition().defaults());
    }

    private static PlatformException unproven(String why) {
        return new PlatformException(ErrorCode.INVALID_CREDENTIALS, why);
    }

    private static String confirmationCode() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
