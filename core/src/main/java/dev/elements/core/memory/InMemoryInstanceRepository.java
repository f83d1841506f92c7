package dev.elements.core.memory;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceFields;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.port.out.InstanceQuery;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.query.ConditionMatcher;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.SecretDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Instances in a map, for embedding hosts without a database and for tests. */
public final class InMemoryInstanceRepository implements InstanceRepository {
    private static final ConditionMatcher WHERE = new ConditionMatcher(InstanceFields.QUERYABLE);

    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<InstanceId, Instance> byId = new ConcurrentHashMap<>();

    @Override
    public InstanceId nextId() {
        return new InstanceId(ids.incrementAndGet());
    }

    @Override
    public synchronized void insert(Instance instance) {
        if (byId.containsKey(instance.id())) {
            throw new IllegalStateException("Instance " + instance.id() + " exists already");
        }
        if (findByTokenDigest(instance.tokenDigest()).isPresent()) {
            throw new IllegalStateException("Element token digests are unique");
        }
        byId.put(instance.id(), instance);
    }

    @Override
    public Optional<Instance> find(OrganizationId organization, InstanceId id) {
        return findById(id).filter(instance -> instance.organizationId().equals(organization));
    }

    @Override
    public Optional<Instance> findById(InstanceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Instance> findByTokenDigest(SecretDigest tokenDigest) {
        return byId.values().stream().filter(instance -> instance.tokenDigest().equals(tokenDigest)).findFirst();
    }

    @Override
    public List<Instance> findByProviderAccount(ElementKey element, String providerAccountId, int limit) {
        return byId.values().stream()
                .filter(instance -> instance.elementKey().equals(element))
                .filter(instance -> providerAccountId.equals(instance.providerAccountId()))
                .sorted(Comparator.comparing(Instance::createdAt).thenComparing(i -> i.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Instance> list(OrganizationId organization, InstanceQuery query) {
        return byId.values().stream()
                .filter(instance -> instance.organizationId().equals(organization))
                .filter(instance -> instance.tags().containsAll(query.tags()))
                .filter(instance -> query.elementKey() == null
                        || instance.elementKey().value().equals(query.elementKey()))
                .filter(instance -> query.where() == null
                        || WHERE.matches(query.where(), field -> InstanceFields.valueOf(instance, field)))
                .filter(instance -> query.searchText() == null || mentions(instance, query.searchText()))
                .sorted(Comparator.comparing((Instance instance) -> instance.createdAt())
                        .thenComparing(instance -> instance.id().value()))
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized boolean update(Instance updated) {
        Instance stored = byId.get(updated.id());
        if (stored == null || stored.version() != updated.version() - 1
                || !stored.organizationId().equals(updated.organizationId())) {
            return false;
        }
        byId.put(updated.id(), updated);
        return true;
    }

    @Override
    public synchronized boolean delete(OrganizationId organization, InstanceId id) {
        return find(organization, id).map(instance -> byId.remove(id) != null).orElse(false);
    }

    @Override
    public List<InstanceId> dueForRenewal(Instant now, int limit) {
        return byId.values().stream()
                .filter(instance -> instance.credentials().renewalDue(now))
                .sorted(Comparator.comparing((Instance instance) -> instance.credentials().nextRenewalAt())
                        .thenComparing(instance -> instance.id().value()))
                .limit(limit)
                .map(Instance::id)
                .toList();
    }

    @Override
    public long count(OrganizationId organization, InstanceQuery query) {
        return list(organization, query.unpaged()).size();
    }

    @Override
    public Map<InstanceStatus, Long> countByStatus() {
        return byId.values().stream().collect(Collectors.groupingBy(Instance::status, Collectors.counting()));
    }

    /** Whether the name or a tag contains the text, ignoring case. */
    private static boolean mentions(Instance instance, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return instance.name().toLowerCase(Locale.ROOT).contains(wanted)
                || instance.tags().stream().anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
