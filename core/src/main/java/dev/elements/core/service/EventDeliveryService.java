package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.PlatformException;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.PollClaim;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.in.DeliverEventsUseCase;
import dev.elements.core.port.out.EventOutbox;
import dev.elements.core.port.out.EventPolls;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.PlatformMetrics;
import dev.elements.core.port.out.PlatformMetrics.DeliveryOutcome;
import dev.elements.core.port.out.PlatformMetrics.ProviderOperation;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.event.PollRequest;
import dev.elements.core.spi.event.PollResult;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the outbox to applications' callbacks and polls the instances that poll.
 *
 * <p>Each round claims what is due with a lease under this node's holder id, so nodes sharing the
 * storage never work on the same event or poll at once, and a node that dies mid-round blocks its
 * claims only until the lease runs out. The attempts of a round run on a small pool and the round
 * waits for them, so at most one round's claims are under way per node.
 *
 * <p>A delivery POSTs the stored body bytes with their stored signature. Any 2xx delivers it;
 * anything else is a failed attempt: the n-th is retried 4^n seconds after it failed (4 s, 16 s,
 * 64 s, ...), and the ninth parks the event until the application asks for a redelivery.
 */
public final class EventDeliveryService implements DeliverEventsUseCase {
    private static final System.Logger LOG = System.getLogger(EventDeliveryService.class.getName());
    /** How long a claim is this node's: far longer than a round's attempts take. */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_ATTEMPTS = 9;
    static final int DELIVERIES_PER_ROUND = 50;
    static final int POLLS_PER_ROUND = 10;
    static final int WORKERS = 4;
    /** How long a stop waits for the round under way (its attempts end within the callback timeout). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final String SIGNATURE_HEADER = "Elements-Webhook-Signature";
    static final String EVENT_ID_HEADER = "Elements-Event-Id";

    private final ElementRegistry registry;
    private final InstanceRepository instances;
    private final CredentialVault vault;
    private final RenewalService renewals;
    private final CredentialRejections rejections;
    private final EventOutbox outbox;
    private final EventPolls polls;
    private final CallbackAddresses callbacks;
    private final ElementContext context;
    private final PlatformMetrics metrics;
    private final ProviderCalls calls;
    private final String holder = "events-" + UUID.randomUUID();
    private final ThreadPoolExecutor workers;

    EventDeliveryService(ElementRegistry registry, InstanceRepository instances, CredentialVault vault,
            RenewalService renewals, EventOutbox outbox, EventPolls polls, CallbackAddresses callbacks,
            ElementContext context, PlatformMetrics metrics) {
        this.registry = requireNonNull(registry, "registry");
        this.instances = requireNonNull(instances, "instances");
        this.vault = requireNonNull(vault, "vault");
        this.renewals = requireNonNull(renewals, "renewals");
        this.outbox = requireNonNull(outbox, "outbox");
        this.polls = requireNonNull(polls, "polls");
        this.callbacks = requireNonNull(callbacks, "callbacks");
        this.context = requireNonNull(context, "context");
        this.rejections = new CredentialRejections(instances, vault, context.clock());
        this.metrics = requireNonNull(metrics, "metrics");
        this.calls = new ProviderCalls(metrics);
        // Idle workers end, so a host that never delivers keeps no threads.
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("elements-events-worker"));
        this.workers.allowCoreThreadTimeOut(true);
    }

    @Override
    public AutoCloseable startBackground(Duration period) {
        requireNonNull(period, "period");
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(daemonThreads("elements-events"));
        loop.scheduleWithFixedDelay(() -> {
            try {
                // A full round leaves more due behind it: the next one starts at once instead of a
                // period later, so a backlog drains at the callbacks' pace; a stop ends it after
                // the round under way.
                boolean full;
                do {
                    full = deliverDue() >= DELIVERIES_PER_ROUND;
                } while (full && !loop.isShutdown());
                pollDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A round of event deliveries and polls failed; the next one will retry", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        // A stop lets the round under way end: an attempt cut short may have reached the application
        // without being recorded, and would be sent again.
        return () -> {
            loop.shutdown();
            if (!loop.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                loop.shutdownNow();
                loop.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
    }

    @Override
    public int deliverDue() {
        Instant now = context.clock().instant();
        Instant leaseUntil = now.plus(LEASE);
        List<OutboxEvent> due = outbox.claimDue(now, holder, leaseUntil, DELIVERIES_PER_ROUND);
        return runAll(due.stream().map(event -> (Callable<Boolean>) () -> deliver(event, leaseUntil)).toList());
    }

    @Override
    public int pollDue() {
        Instant now = context.clock().instant();
        List<PollClaim> due = polls.claimDue(now, holder, now.plus(LEASE), POLLS_PER_ROUND);
        return runAll(due.stream().map(claim -> (Callable<Boolean>) () -> poll(claim)).toList());
    }

    /** Runs the tasks on the workers and waits for all of them; returns how many said they did their work. */
    private int runAll(List<Callable<Boolean>> tasks) {
        if (tasks.isEmpty()) {
            return 0;
        }
        int done = 0;
        try {
            for (Future<Boolean> outcome : workers.invokeAll(tasks)) {
                try {
                    done += outcome.get() ? 1 : 0;
                } catch (ExecutionException e) {
                    LOG.log(Level.WARNING, "An event delivery or poll failed unexpectedly; its lease will run out and"
                            + " it will be tried again", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            // Stopping: what was not finished keeps its lease until it runs out, then is tried again.
            Thread.currentThread().interrupt();
        }
        return done;
    }

    private boolean deliver(OutboxEvent event, Instant leaseUntil) {
        // An attempt that might outlast the lease is left alone: once the lease ran out, another node
        // may claim the event, and the two attempts would both reach the application.
        if (!context.clock().instant().plus(CALLBACK_TIMEOUT).isBefore(leaseUntil)) {
            return false;
        }
        int attempt = event.attempts() + 1;
        String failure = attempt(event);
        Instant at = context.clock().instant();
        boolean recorded;
        if (failure == null) {
            recorded = outbox.markDelivered(event.id(), holder, at, attempt);
            metrics.eventDelivery(DeliveryOutcome.DELIVERED);
        } else {
            Instant next = attempt >= MAX_ATTEMPTS ? null : at.plus(retryDelay(attempt));
            recorded = outbox.markFailed(event.id(), holder, attempt, next, failure);
            metrics.eventDelivery(next == null ? DeliveryOutcome.PARKED : DeliveryOutcome.FAILED);
            LOG.log(Level.INFO, "Event {0} of instance {1}: attempt {2} failed ({3}); {4}", event.id(),
                    event.instanceId(), attempt, failure, next == null ? "parked" : "next attempt at " + next);
        }
        if (!recorded) {
            LOG.log(Level.WARNING, "Event {0}: the outcome of attempt {1} was not recorded; this node no longer held"
                    + " its lease", event.id(), attempt);
        }
        return true;
    }

    /** The wait after the n-th failed attempt: 4^n seconds. */
    static Duration retryDelay(int failedAttempts) {
        return Duration.ofSeconds(1L << (2 * failedAttempts));
    }

    /** POSTs the event to its callback; returns null when it was taken, else what went wrong, free of secrets. */
    private String attempt(OutboxEvent event) {
        if (event.callbackUrl() == null) {
            return CallbackAddresses.NOT_ALLOWED;
        }
        URI callback;
        try {
            callback = new URI(event.callbackUrl());
        } catch (URISyntaxException unusable) {
            return CallbackAddresses.NOT_ALLOWED;
        }
        String scheme = callback.getScheme() == null ? "" : callback.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || callback.getHost() == null
                || callbacks.problemWith(event.callbackUrl()).isPresent()) {
            return CallbackAddresses.NOT_ALLOWED;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put(EVENT_ID_HEADER, List.of(event.id().value()));
        if (event.signature() != null) {
            headers.put(SIGNATURE_HEADER, List.of(event.signature()));
        }
        ProviderHttpRequest request = new ProviderHttpRequest("POST", callback, headers,
                event.body().getBytes(StandardCharsets.UTF_8), CALLBACK_TIMEOUT);
        try {
            ProviderHttpResponse response = context.http().send(request);
            return response.successful() ? null : "HTTP " + response.status();
        } catch (ProviderException e) {
            return switch (e.errorClass()) {
                case TIMEOUT -> "timed out";
                case TOO_LARGE -> "answer too large";
                default -> "unreachable";
            };
        } catch (IllegalArgumentException unusable) {
            // The HTTP client refuses some addresses a URI allows (no host it can connect to).
            return "unreachable";
        }
    }

    /** One claimed poll; returns whether the provider was asked. */
    private boolean poll(PollClaim claim) {
        Optional<Instance> found = instances.findById(claim.instanceId());
        Optional<RegisteredElement> element = found.flatMap(instance -> registry.find(instance.elementKey()));
        if (element.isEmpty()) {
            polls.unschedule(claim.instanceId());
            return false;
        }
        Instance instance = found.get();
        Optional<Duration> interval = PollSchedule.interval(element.get(),
                ConfigurationPolicy.effective(element.get().definition(), instance, vault.open(instance)));
        if (interval.isEmpty()) {
            polls.unschedule(claim.instanceId());
            return false;
        }
        // A disabled instance gets no events and one that needs a new authorization cannot be polled;
        // both stay scheduled, so polling resumes where it stopped once they are usable again.
        boolean usable = !instance.disabled() && instance.valid();
        String cursor = usable ? pollProvider(element.get(), instance, claim) : null;
        polls.complete(claim.instanceId(), holder, cursor, context.clock().instant().plus(interval.get()));
        return usable;
    }

    /** Asks the element what is new and stores it; returns the new cursor, or null to keep the old one. */
    private String pollProvider(RegisteredElement element, Instance instance, PollClaim claim) {
        CallDeadline deadline = CallDeadline.startingNow(context);
        Instance fresh;
        try {
            fresh = renewals.renewIfDue(instance, deadline);
        } catch (PlatformException e) {
            // A refused renewal has marked the instance already; an outage leaves the credentials in use.
            LOG.log(Level.INFO, "Poll of instance {0} skipped: {1}", instance.id(), e.getMessage());
            return null;
        }
        InstanceSecrets secrets = vault.open(fresh);
        Configuration configuration = ConfigurationPolicy.effective(element.definition(), fresh, secrets);
        PollResult result;
        try {
            result = calls.measure(element.key(), ProviderOperation.POLL, () -> element.provider().poller()
                    .orElseThrow()
                    .poll(new PollRequest(secrets.tokens(), configuration, claim.cursor(), claim.since()), deadline));
        } catch (ProviderException e) {
            if (e.errorClass().rejectsCredentials()) {
                rejections.record(fresh, secrets.tokens().accessToken(), e);
            }
            LOG.log(Level.INFO, "Poll of instance {0} failed ({1}); the next poll starts from the same place",
                    fresh.id(), e.errorClass());
            return null;
        }
        outbox.append(Notifications.compose(fresh, configuration, result.events(), result.raw(),
                Notifications.POLLING_BATCH, context.clock().instant()));
        return result.cursor();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            int number = count.incrementAndGet();
            Thread thread = new Thread(runnable, number == 1 ? name : name + "-" + number);
            thread.setDaemon(true);
            return thread;
        };
    }
}
