package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.out.IdempotencyRecords.IdempotencyRecord;
import dev.elements.core.port.out.IdempotencyRecords;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.Sleeper;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.SecretDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for provisioning: the same key with the same body within 24 hours gets
 * the first answer, token included, without asking the provider again, also when the two requests
 * race on two nodes (the second waits for the first); the same key with another body is a conflict.
 * The stored answer holds the element token, so it is sealed like every other secret.
 */
final class IdempotentRequests {
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final Duration POLL = Duration.ofMillis(100);

    private final IdempotencyRecords records;
    private final CredentialVault vault;
    private final InstanceRepository instances;
    private final InstanceDescriber describer;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration longestWait;

    IdempotentRequests(IdempotencyRecords records, CredentialVault vault, InstanceRepository instances,
            InstanceDescriber describer, Clock clock, Sleeper sleeper, Duration longestWait) {
        this.records = requireNonNull(records, "records");
        this.vault = requireNonNull(vault, "vault");
        this.instances = requireNonNull(instances, "instances");
        this.describer = requireNonNull(describer, "describer");
        this.clock = requireNonNull(clock, "clock");
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.longestWait = requireNonNull(longestWait, "longestWait");
    }

    InstanceDescription once(ProvisionInstanceCommand command, Supplier<InstanceDescription> create) {
        OrganizationId organization = command.principal().organizationId();
        String key = command.idempotencyKey();
        String fingerprint = fingerprint(command);
        long deadline = System.nanoTime() + longestWait.toNanos();
        while (true) {
            Instant now = clock.instant();
            Optional<IdempotencyRecord> holder = records.claim(organization, key, fingerprint, now);
            if (holder.isEmpty()) {
                return createAndRemember(organization, key, create);
            }
            IdempotencyRecord record = holder.get();
            if (record.createdAt().isBefore(now.minus(LIFETIME))) {
                records.expire(organization, key, now.minus(LIFETIME));
                continue;
            }
            if (!record.fingerprint().equals(fingerprint)) {
                throw new PlatformException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used with a different request body; use a new key for a new request");
            }
            if (record.completed()) {
                return replay(organization, key, record);
            }
            if (abandoned(record, now) && records.takeOver(organization, key, fingerprint, now.minus(longestWait),
                    now)) {
                return createAndRemember(organization, key, create);
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "A request with this Idempotency-Key is still running; retry it later");
            }
            pause();
        }
    }

    /**
     * Whether the claim's holder is taken to have died (a crash or a kill mid-request) rather than
     * to be still running. A holder spends at most one provider timeout on the provider (the
     * exchange is bounded as a whole), and {@code longestWait} is four of them.
     */
    private boolean abandoned(IdempotencyRecord claim, Instant now) {
        return claim.createdAt().isBefore(now.minus(longestWait));
    }

    private InstanceDescription createAndRemember(OrganizationId organization, String key,
            Supplier<InstanceDescription> create) {
        InstanceDescription created;
        try {
            created = create.get();
        } catch (RuntimeException failure) {
            // A failed attempt stored nothing, so a retry with the same key may try again.
            records.release(organization, key);
            throw failure;
        }
        String answer = created.id().value() + "\n" + created.token().orElseThrow();
        records.complete(organization, key,
                vault.sealAnswer(answer.getBytes(StandardCharsets.UTF_8), organization, key));
        return created;
    }

    private InstanceDescription replay(OrganizationId organization, String key, IdempotencyRecord record) {
        String[] answer = new String(vault.openAnswer(record.answer(), organization, key),
                StandardCharsets.UTF_8).split("\n", 2);
        InstanceId id = new InstanceId(Long.parseLong(answer[0]));
        Instance instance = instances.find(organization, id)
                .orElseThrow(() -> new PlatformException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "The instance this Idempotency-Key created (" + id + ") has been deleted since"));
        // A token regenerated since is no longer the answer to give.
        String token = instance.tokenDigest().equals(SecretDigest.of(answer[1])) ? answer[1] : null;
        return describer.describe(instance, token);
    }


    /** A digest of everything in the request that shapes its outcome, independent of key order. */
    static String fingerprint(ProvisionInstanceCommand command) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, command.element());
        append(canonical, command.code());
        if (command.state() != null) {
            // Only when given, so that the keys of requests without one keep their fingerprints; marked,
            // since no length prefix starts with a letter, so that it is never taken for a name.
            canonical.append("state=");
            append(canonical, command.state());
        }
        append(canonical, command.name());
        command.tags().forEach(tag -> append(canonical, tag));
        canonical.append('|');
        for (Map.Entry<String, String> entry : new TreeMap<>(command.configuration()).entrySet()) {
            append(canonical, entry.getKey());
            append(canonical, entry.getValue());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Length-prefixed, so that no choice of values makes two requests look alike. */
    private static void append(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-1:");
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
    }

    private void pause() {
        try {
            sleeper.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(ErrorCode.INTERNAL_ERROR, "Interrupted while waiting for a concurrent request");
        }
    }
}
