package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.CredentialState;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.in.RenewCredentialsUseCase;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.PlatformMetrics;
import dev.elements.core.port.out.PlatformMetrics.ProviderOperation;
import dev.elements.core.port.out.PlatformMetrics.RenewalOutcome;
import dev.elements.core.port.out.RefreshLeases;
import dev.elements.core.port.out.Sleeper;
import dev.elements.core.spi.ElementContext;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keeps provider credentials fresh without the application's help: in the background for every
 * instance that is due, inline when a call is about to use a due token, and on request.
 *
 * <p>However many nodes and threads see one renewal due, the provider is asked once: a caller
 * takes the instance's lease (a conditional update in the database), re-reads the instance, and
 * renews only if it is still needed; the others wait for the lease and then find the renewal
 * done. The result is written with a version check and is dropped if a re-authorization wrote
 * newer credentials in the meantime. A provider that rejects the credentials makes the instance
 * {@code NEEDS_REAUTH}; one that is down, slow or limiting makes it {@code REFRESH_FAILING}, with
 * retries at growing delays, and never invalid.
 */
public final class RenewalService implements RenewCredentialsUseCase {
    private static final System.Logger LOG = System.getLogger(RenewalService.class.getName());
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int WRITE_ATTEMPTS = 5;
    /** How long a stop waits for the background pass in flight before it interrupts it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ElementRegistry registry;
    private final InstanceRepository instances;
    private final RefreshLeases leases;
    private final CredentialVault vault;
    private final ElementContext context;
    private final Sleeper sleeper;
    private final PlatformMetrics metrics;
    private final ProviderCalls calls;
    private final Duration leaseDuration;
    private final String node = UUID.randomUUID().toString();

    RenewalService(ElementRegistry registry, InstanceRepository instances, RefreshLeases leases, CredentialVault vault,
            ElementContext context, Sleeper sleeper, PlatformMetrics metrics) {
        this.registry = requireNonNull(registry, "registry");
        this.instances = requireNonNull(instances, "instances");
        this.leases = requireNonNull(leases, "leases");
        this.vault = requireNonNull(vault, "vault");
        this.context = requireNonNull(context, "context");
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.metrics = requireNonNull(metrics, "metrics");
        this.calls = new ProviderCalls(metrics);
        // Long enough for a renewal's provider calls; short enough that a crashed node blocks little.
        this.leaseDuration = context.providerTimeout().multipliedBy(3).plusSeconds(5);
    }

    /**
     * The instance with credentials fit for a call now: renewed first if due. A renewal that fails
     * for a passing reason leaves the current (still valid) credentials in use.
     *
     * @throws PlatformException {@code PROVIDER_TOKEN_REJECTED} when the provider rejected them
     */
    public Instance renewIfDue(Instance instance) {
        return renewIfDue(instance, context);
    }

    /**
     * As {@link #renewIfDue(Instance)}, with the provider's time taken from {@code callContext}: a
     * client call's deadline covers its inline renewal too.
     */
    Instance renewIfDue(Instance instance, ElementContext callContext) {
        if (!instance.credentials().renewalDue(context.clock().instant())) {
            return instance;
        }
        try {
            return renew(instance.id(), current -> current.credentials().renewalDue(context.clock().instant()),
                    true, callContext).instance();
        } catch (PlatformException e) {
            if (e.code() == ErrorCode.PROVIDER_TOKEN_REJECTED || e.code() == ErrorCode.INSTANCE_NOT_FOUND) {
                throw e;
            }
            return load(instance.id());
        }
    }

    /**
     * Renews now, unless a renewal attempt finished since {@code seen} was read (then its outcome
     * is this request's too, so callers arriving together ask the provider once).
     *
     * @param seen the instance as the caller read it when the request arrived
     * @throws PlatformException when the renewal failed: the provider's refusal or outage
     */
    public Instance renewNow(Instance seen) {
        Instance renewed = renew(seen.id(), current -> current.secrets().equals(seen.secrets())
                && current.credentials().equals(seen.credentials()), true, context).instance();
        if (renewed.credentials().status() != InstanceStatus.ACTIVE) {
            ErrorCode code = renewed.valid() ? ErrorCode.PROVIDER_UNAVAILABLE : ErrorCode.PROVIDER_TOKEN_REJECTED;
            throw new PlatformException(code, renewed.credentials().reason());
        }
        return renewed;
    }

    /**
     * One pass of the background renewal: every due instance whose lease is free is renewed by this
     * node; instances another node is renewing are left to it.
     *
     * @return how many renewals this pass asked the provider for, successful or not
     */
    public int renewDue(int batch) {
        return renewPass(batch).attempted();
    }

    /**
     * @param found how many due instances the pass read (the batch at most)
     * @param attempted how many of them it asked the provider to renew
     */
    private record Pass(int found, int attempted) {
        /** A full batch, and this node did work on it: more are likely due now. */
        boolean leftMore(int batch) {
            return found >= batch && attempted > 0;
        }
    }

    private Pass renewPass(int batch) {
        List<InstanceId> due = instances.dueForRenewal(context.clock().instant(), batch);
        int attempted = 0;
        for (InstanceId id : due) {
            try {
                attempted += renew(id, current -> current.credentials().renewalDue(context.clock().instant()),
                        false, context).askedProvider() ? 1 : 0;
            } catch (RenewalFailed e) {
                // The outcome is recorded on the instance; the next pass carries on.
                attempted++;
                LOG.log(Level.DEBUG, "Background renewal of instance {0} failed: {1}", id, e.getMessage());
            } catch (PlatformException e) {
                LOG.log(Level.DEBUG, "Background renewal of instance {0} ended with {1}", id, e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Background renewal of instance " + id + " failed unexpectedly", e);
            }
        }
        return new Pass(due.size(), attempted);
    }

    /**
     * Runs {@link #renewDue} at once and then every {@code period} on a daemon thread until the handle is closed; a
     * pass that found a full batch and renewed some of it is followed at once by the next, so a
     * backlog (a restart, a burst of tokens issued together) drains at the rate renewals take, not
     * one batch per period. A full batch that other nodes hold waits for the period.
     */
    @Override
    public AutoCloseable startBackground(Duration period, int batch) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "elements-renewal");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                while (renewPass(batch).leftMore(batch) && !scheduler.isShutdown()) {
                    // the next batch at once
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A background renewal pass failed; the next one will retry", e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        // A stop lets the pass in flight finish: interrupting it would cut a renewal short after the
        // provider may already have issued the new token, and record the instance as failing.
        return () -> {
            scheduler.shutdown();
            if (!scheduler.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
    }

    /** What a renewal call came to: the instance as it now is, and whether this caller asked the provider. */
    private record Outcome(Instance instance, boolean askedProvider) {
    }

    /** A renewal this caller asked the provider for failed; its outcome is recorded on the instance. */
    private static final class RenewalFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RenewalFailed(PlatformException failure) {
            super(failure.getMessage(), failure, false, false);
        }
    }

    /**
     * @param needed whether the instance, as stored now, still needs this renewal
     * @param waitForOthers wait while another caller holds the lease (inline and on-request
     *     renewals), or leave the instance to it (background)
     */
    private Outcome renew(InstanceId id, Predicate<Instance> needed, boolean waitForOthers,
            ElementContext callContext) {
        long deadline = System.nanoTime() + leaseDuration.toNanos();
        while (true) {
            Instance current = load(id);
            if (!needed.test(current)) {
                return new Outcome(current, false);
            }
            String holder = node + "/" + UUID.randomUUID();
            Instant now = context.clock().instant();
            if (leases.tryAcquire(id, holder, now, now.plus(leaseDuration))) {
                try {
                    Instance reread = load(id);
                    if (!needed.test(reread)) {
                        return new Outcome(reread, false);
                    }
                    try {
                        return new Outcome(renewHolding(reread, callContext), true);
                    } catch (PlatformException failure) {
                        throw waitForOthers ? failure : new RenewalFailed(failure);
                    }
                } finally {
                    leases.release(id, holder);
                }
            }
            if (!waitForOthers) {
                return new Outcome(current, false);
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformException(ErrorCode.PROVIDER_TIMED_OUT,
                        "Another renewal of instance " + id + " is taking too long; retry later");
            }
            pause();
        }
    }

    private Instance load(InstanceId id) {
        return instances.findById(id)
                .orElseThrow(() -> new PlatformException(ErrorCode.INSTANCE_NOT_FOUND, "No instance with id " + id));
    }

    private void pause() {
        try {
            sleeper.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(ErrorCode.INTERNAL_ERROR, "Interrupted while waiting for a renewal");
        }
    }

    /** Asks the provider, with the lease held, and records the outcome. */
    private Instance renewHolding(Instance instance, ElementContext callContext) {
        RegisteredElement element = registry.installed(instance.elementKey());
        InstanceSecrets secrets = vault.open(instance);
        Configuration configuration = ConfigurationPolicy.effective(element.definition(), instance, secrets);
        String renewedFrom = secrets.tokens().accessToken();
        try {
            TokenSet fresh = calls.measure(element.key(), ProviderOperation.RENEWAL,
                    () -> element.provider().renew(secrets.tokens(), configuration, callContext));
            CredentialState state = CredentialState.obtained(context.clock().instant(), fresh.expiresAt(),
                    CodeExchange.renewalInterval(configuration), element.provider().renewBeforeExpiry());
            LOG.log(Level.INFO, "Renewed the credentials of instance {0}", instance.id());
            metrics.renewal(RenewalOutcome.RENEWED);
            return record(instance, renewedFrom, fresh, state);
        } catch (ProviderException e) {
            boolean rejected = e.errorClass().rejectsCredentials();
            String words = e.error().message().map(message -> " (" + message + ")").orElse("");
            CredentialState state = rejected
                    ? instance.credentials().rejected("The provider rejected the credentials" + words
                            + "; the user must authorize again")
                    : instance.credentials().renewalFailed(context.clock().instant(),
                            "Renewing the credentials failed for a passing reason" + words + "; retrying later",
                            e.error().retryAfter());
            LOG.log(Level.WARNING, "Renewal of instance {0} failed: {1}; now {2}", instance.id(), e.errorClass(),
                    state.status());
            metrics.renewal(rejected ? RenewalOutcome.REJECTED : RenewalOutcome.FAILED);
            record(instance, renewedFrom, null, state);
            throw ProviderFailures.duringCall(e, element.key().value());
        }
    }

    /**
     * Writes the outcome with a version check. When someone else wrote in between, the outcome is
     * applied to their version, unless they replaced the very credentials this renewal started
     * from (a re-authorization): those are newer, and this result is dropped.
     *
     * @param fresh the new tokens, or null when the renewal failed
     */
    private Instance record(Instance instance, String renewedFrom, TokenSet fresh, CredentialState state) {
        Instance current = instance;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            InstanceSecrets secrets = vault.open(current);
            if (!secrets.tokens().accessToken().equals(renewedFrom)) {
                LOG.log(Level.INFO, "Instance {0} was re-authorized during its renewal; keeping the newer credentials",
                        current.id());
                return current;
            }
            Instance.Changes changes = current.change().credentials(state);
            if (fresh != null) {
                changes.secrets(vault.seal(secrets.withTokens(fresh), current.organizationId(), current.id()));
                fresh.providerUser().ifPresent(changes::providerAccountId);
            }
            Instance updated = changes.at(context.clock().instant());
            if (instances.update(updated)) {
                return updated;
            }
            current = load(current.id());
        }
        throw new PlatformException(ErrorCode.CONCURRENT_UPDATE,
                "Instance " + instance.id() + " kept changing while its renewal was recorded; retry");
    }
}
