package dev.elements.core.port.out;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.SecretDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where instances live. Every read an application can cause is scoped to an organization, so that
 * no route can reach another organization's instance by id.
 */
public interface InstanceRepository {
    /**
     * A fresh id, before the instance exists, because its sealed secrets are bound to the id.
     * Ids are never handed out twice, also across nodes.
     */
    InstanceId nextId();

    /** Stores a new instance in one step: all of it, or (on failure) none of it. */
    void insert(Instance instance);

    Optional<Instance> find(OrganizationId organization, InstanceId id);

    /** For the platform's own work (renewals, events), which is not on behalf of one organization. */
    Optional<Instance> findById(InstanceId id);

    Optional<Instance> findByTokenDigest(SecretDigest tokenDigest);

    /**
     * The element's instances, of every organization, recorded for one provider account: where a
     * provider webhook or notice about that account goes. Oldest first, at most {@code limit}.
     */
    List<Instance> findByProviderAccount(ElementKey element, String providerAccountId, int limit);

    /** The organization's instances matching the query, oldest first. */
    List<Instance> list(OrganizationId organization, InstanceQuery query);

    /**
     * Replaces the stored instance with {@code updated} if the stored version is
     * {@code updated.version() - 1}: a writer holding a stale copy changes nothing.
     *
     * @return whether the update happened
     */
    boolean update(Instance updated);

    /** @return whether an instance of this organization was deleted */
    boolean delete(OrganizationId organization, InstanceId id);

    /**
     * Instances whose next renewal is due at {@code now}, earliest first, for the background
     * renewal. Instances that need a new authorization have no next renewal and never appear.
     */
    List<InstanceId> dueForRenewal(Instant now, int limit);

    /** How many instances of this organization match the query, ignoring its offset and limit. */
    long count(OrganizationId organization, InstanceQuery query);

    /**
     * How many instances there are in each status, over every organization, for the operator's
     * metrics: one grouped count, cheap enough to run on a scrape. Statuses without instances may
     * be missing.
     */
    Map<InstanceStatus, Long> countByStatus();
}
