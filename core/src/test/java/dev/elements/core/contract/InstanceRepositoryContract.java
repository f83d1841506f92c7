package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.InstanceQuery;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.query.And;
import dev.elements.core.query.Comparison;
import dev.elements.core.query.Condition;
import dev.elements.core.query.In;
import dev.elements.core.query.Like;
import dev.elements.core.query.Operator;
import dev.elements.core.query.Or;
import dev.elements.core.query.Value;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.SimultaneousCalls;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InstanceRepository} must do. Each storage runs these cases by extending this
 * class and returning empty repositories that share one store.
 */
public abstract class InstanceRepositoryContract {
    private InstanceRepository instances;
    private Principal one;
    private Principal two;

    /** An empty instance repository and a tenant repository over the same store. */
    protected abstract Stores emptyStores();

    public record Stores(InstanceRepository instances, TenantRepository tenants) {
    }

    @BeforeEach
    void organizations() {
        Stores stores = emptyStores();
        instances = stores.instances();
        one = Fixtures.organization(stores.tenants(), "One");
        two = Fixtures.organization(stores.tenants(), "Two");
    }

    private Instance newInstance(Principal owner, String name, List<String> tags) {
        return Fixtures.instance(instances.nextId(), owner.organizationId(), owner.user().id(), name, tags);
    }

    @Test
    void storesAndReadsBackEveryField() {
        Instance instance = newInstance(one, "Ada's page", List.of("b", "a"));

        instances.insert(instance);

        assertThat(instances.find(one.organizationId(), instance.id())).contains(instance);
        assertThat(instances.findById(instance.id())).contains(instance);
        assertThat(instances.findByTokenDigest(instance.tokenDigest())).contains(instance);
    }

    @Test
    void anotherOrganizationCannotFindIt() {
        Instance instance = newInstance(one, "mine", List.of());
        instances.insert(instance);

        assertThat(instances.find(two.organizationId(), instance.id())).isEmpty();
        assertThat(instances.list(two.organizationId(), InstanceQuery.all())).isEmpty();
        assertThat(instances.delete(two.organizationId(), instance.id())).isFalse();
        assertThat(instances.findById(instance.id())).isPresent();
    }

    @Test
    void idsAreNeverHandedOutTwiceEvenConcurrently() throws Exception {
        Set<InstanceId> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                work.add(pool.submit(() -> ids.add(instances.nextId())));
            }
            for (Future<?> done : work) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(200);
    }

    @Test
    void listsByTagsAndElementOldestFirstInPages() {
        Instance first = newInstance(one, "first", List.of("blue", "green"));
        Instance second = newInstance(one, "second", List.of("blue"));
        Instance third = newInstance(one, "third", List.of("green"));
        instances.insert(first);
        instances.insert(second);
        instances.insert(third);
        instances.insert(newInstance(two, "other", List.of("blue")));

        assertThat(instances.list(one.organizationId(), InstanceQuery.all())).containsExactly(first, second, third);
        assertThat(instances.list(one.organizationId(), new InstanceQuery(List.of("blue"), null, null, null, 0, 10)))
                .containsExactly(first, second);
        assertThat(instances.list(one.organizationId(),
                new InstanceQuery(List.of("blue", "green"), null, null, null, 0, 10))).containsExactly(first);
        assertThat(instances.list(one.organizationId(),
                new InstanceQuery(List.of(), "facebooksocial", null, null, 1, 1))).containsExactly(second);
        assertThat(instances.list(one.organizationId(), new InstanceQuery(List.of(), "other", null, null, 0, 10)))
                .isEmpty();
    }

    /**
     * Three instances of one organization, oldest first, and a look-alike of another organization
     * that no condition may reach.
     */
    private List<Instance> filterable() {
        Instance ada = createdAt(newInstance(one, "Ada's page", List.of("blue", "team-a")), "2026-01-10T10:00:00Z");
        Instance bob = createdAt(newInstance(one, "bob", List.of("green")), "2026-01-11T10:00:00Z");
        Instance cat = createdAt(newInstance(one, "cat_1%", List.of()), "2026-01-12T10:00:00Z");
        cat = cat.change().disabled(true).at(cat.createdAt());
        for (Instance instance : List.of(ada, bob, cat)) {
            instances.insert(instance);
        }
        instances.insert(createdAt(newInstance(two, "bob", List.of("green", "blue")), "2026-01-11T10:00:00Z"));
        return List.of(ada, bob, cat);
    }

    private static Instance createdAt(Instance instance, String created) {
        Instant at = Instant.parse(created);
        return new Instance(instance.id(), instance.organizationId(), instance.ownerId(), instance.elementKey(),
                instance.name(), instance.tags(), instance.configuration(), instance.secrets(),
                instance.providerAccountId(), instance.tokenDigest(), instance.disabled(), instance.credentials(), at,
                at, instance.version());
    }

    private List<Instance> where(Condition condition) {
        return instances.list(one.organizationId(), new InstanceQuery(List.of(), null, condition, null, 0, 10));
    }

    private static Comparison compare(String field, Operator operator, Value value) {
        return new Comparison(field, operator, value);
    }

    private static Value text(String text) {
        return new Value.Text(text);
    }

    @Test
    void filtersByEachOperatorOnEachField() {
        List<Instance> all = filterable();
        Instance ada = all.get(0);
        Instance bob = all.get(1);
        Instance cat = all.get(2);

        assertThat(where(compare("name", Operator.EQUAL, text("bob")))).containsExactly(bob);
        assertThat(where(compare("name", Operator.EQUAL, text("Ada's page")))).containsExactly(ada);
        assertThat(where(compare("name", Operator.NOT_EQUAL, text("bob")))).containsExactly(ada, cat);
        assertThat(where(compare("name", Operator.GREATER, text("b")))).containsExactly(bob, cat);
        assertThat(where(new Like("name", "%a%"))).containsExactly(ada, cat);
        assertThat(where(new Like("name", "A%"))).as("like keeps case").containsExactly(ada);
        assertThat(where(new Like("name", "cat_1%"))).as("_ is no wildcard, %% is").containsExactly(cat);
        assertThat(where(new Like("name", "c_t%"))).isEmpty();
        assertThat(where(new In("name", List.of(text("bob"), text("cat_1%"), text("nobody")))))
                .containsExactly(bob, cat);

        assertThat(where(compare("tags", Operator.EQUAL, text("blue")))).containsExactly(ada);
        assertThat(where(compare("tags", Operator.NOT_EQUAL, text("blue")))).containsExactly(bob, cat);
        assertThat(where(new Like("tags", "team%"))).containsExactly(ada);
        assertThat(where(new In("tags", List.of(text("green"), text("blue"))))).containsExactly(ada, bob);

        assertThat(where(compare("disabled", Operator.EQUAL, new Value.Bool(true)))).containsExactly(cat);
        assertThat(where(compare("disabled", Operator.NOT_EQUAL, new Value.Bool(true)))).containsExactly(ada, bob);
        assertThat(where(compare("status", Operator.EQUAL, text("DISABLED")))).containsExactly(cat);
        assertThat(where(new In("status", List.of(text("ACTIVE"))))).containsExactly(ada, bob);

        assertThat(where(compare("createdDate", Operator.GREATER, text("2026-01-11T10:00:00Z"))))
                .containsExactly(cat);
        assertThat(where(compare("createdDate", Operator.GREATER_OR_EQUAL, text("2026-01-11T10:00:00Z"))))
                .containsExactly(bob, cat);
        assertThat(where(compare("createdDate", Operator.LESS, text("2026-01-11")))).containsExactly(ada);
        assertThat(where(compare("createdDate", Operator.LESS_OR_EQUAL, text("2026-01-11T11:00:00+01:00"))))
                .containsExactly(ada, bob);

        BigDecimal bobId = BigDecimal.valueOf(bob.id().value());
        assertThat(where(compare("id", Operator.EQUAL, new Value.Numeric(bobId)))).containsExactly(bob);
        assertThat(where(compare("id", Operator.GREATER_OR_EQUAL, new Value.Numeric(bobId))))
                .containsExactly(bob, cat);
        assertThat(where(compare("id", Operator.LESS, new Value.Numeric(bobId)))).containsExactly(ada);
        assertThat(where(new In("id", List.of(new Value.Numeric(bobId), new Value.Numeric(BigDecimal.ONE)))))
                .containsExactly(bob);
    }

    @Test
    void joinsConditionsWithAndBeforeOr() {
        List<Instance> all = filterable();
        Instance bob = all.get(1);
        Instance cat = all.get(2);
        Condition disabledWithoutTags = new And(List.of(compare("disabled", Operator.EQUAL, new Value.Bool(true)),
                compare("tags", Operator.NOT_EQUAL, text("blue"))));

        assertThat(where(new Or(List.of(compare("name", Operator.EQUAL, text("bob")), disabledWithoutTags))))
                .containsExactly(bob, cat);
        assertThat(where(new And(List.of(new Or(List.of(compare("name", Operator.EQUAL, text("bob")),
                compare("name", Operator.EQUAL, text("cat_1%")))), compare("disabled", Operator.EQUAL,
                new Value.Bool(false)))))).containsExactly(bob);
    }

    @Test
    void pagesAndCountsTheFilteredInstances() {
        List<Instance> all = filterable();
        Condition notBob = compare("name", Operator.NOT_EQUAL, text("bob"));
        InstanceQuery secondPage = new InstanceQuery(List.of(), null, notBob, null, 1, 1);

        assertThat(instances.list(one.organizationId(), secondPage)).containsExactly(all.get(2));
        assertThat(instances.count(one.organizationId(), secondPage)).isEqualTo(2);
        assertThat(instances.list(one.organizationId(), new InstanceQuery(List.of("blue"), null,
                new Like("name", "%"), null, 0, 10))).containsExactly(all.get(0));
    }

    @Test
    void searchesNameAndTagsIgnoringCase() {
        List<Instance> all = filterable();

        assertThat(search("ADA")).containsExactly(all.get(0));
        assertThat(search("GREEN")).containsExactly(all.get(1));
        assertThat(search("e")).containsExactly(all.get(0), all.get(1));
        assertThat(search("_1%")).as("searched as written, no wildcard").containsExactly(all.get(2));
        assertThat(search("%")).containsExactly(all.get(2));
        assertThat(search("a_e")).isEmpty();
        assertThat(instances.count(one.organizationId(), new InstanceQuery(List.of(), null, null, "B", 0, 1)))
                .isEqualTo(2);
    }

    private List<Instance> search(String text) {
        return instances.list(one.organizationId(), new InstanceQuery(List.of(), null, null, text, 0, 10));
    }

    @Test
    void updatesOnlyFromTheCurrentVersion() {
        Instance instance = newInstance(one, "before", List.of("x"));
        instances.insert(instance);
        Instance renamed = instance.change()
                .name("after")
                .tags(List.of("y", "z"))
                .configuration(Map.of("oauth.api.key", "changed"))
                .secrets(new Sealed("key-2", new byte[] {9, 9}))
                .disabled(true)
                .credentials(instance.credentials().rejected("revoked"))
                .at(Fixtures.NOW.plusSeconds(5));

        assertThat(instances.update(renamed)).isTrue();
        assertThat(instances.find(one.organizationId(), instance.id())).contains(renamed);

        Instance stale = instance.change().name("stale writer").at(Fixtures.NOW.plusSeconds(6));
        assertThat(instances.update(stale)).isFalse();
        assertThat(instances.find(one.organizationId(), instance.id())).contains(renamed);
    }

    @Test
    void concurrentWritersOfOneVersionSucceedOnce() throws Exception {
        Instance instance = newInstance(one, "contended", List.of());
        instances.insert(instance);
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = "writer " + i;
            writers.add(() -> instances.update(instance.change().name(name).at(Fixtures.NOW)));
        }
        long winners = SimultaneousCalls.race(writers).stream().filter(won -> won).count();
        assertThat(winners).isEqualTo(1);
        assertThat(instances.findById(instance.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void deletesOnlyItsOwnAndForgetsTheToken() {
        Instance instance = newInstance(one, "doomed", List.of("t"));
        instances.insert(instance);

        assertThat(instances.delete(one.organizationId(), instance.id())).isTrue();

        assertThat(instances.find(one.organizationId(), instance.id())).isEmpty();
        assertThat(instances.findByTokenDigest(instance.tokenDigest())).isEmpty();
        assertThat(instances.delete(one.organizationId(), instance.id())).isFalse();
    }

    @Test
    void findsInstancesDueForRenewalEarliestFirstAndNeverThoseNeedingReauthorization() {
        Instance early = newInstance(one, "early", List.of());
        Instance late = newInstance(two, "late", List.of());
        Instance rejected = newInstance(one, "rejected", List.of());
        instances.insert(early.change().credentials(dev.elements.core.instance.CredentialState.obtained(
                Fixtures.NOW, null, java.time.Duration.ofMinutes(5), java.time.Duration.ZERO)).at(Fixtures.NOW));
        instances.insert(late.change().credentials(dev.elements.core.instance.CredentialState.obtained(
                Fixtures.NOW, null, java.time.Duration.ofMinutes(10), java.time.Duration.ZERO)).at(Fixtures.NOW));
        instances.insert(rejected.change().credentials(rejected.credentials().rejected("revoked"))
                .at(Fixtures.NOW));

        assertThat(instances.dueForRenewal(Fixtures.NOW.plusSeconds(60), 10)).isEmpty();
        assertThat(instances.dueForRenewal(Fixtures.NOW.plusSeconds(300), 10)).containsExactly(early.id());
        assertThat(instances.dueForRenewal(Fixtures.NOW.plusSeconds(3600 * 24 * 365), 10))
                .containsExactly(early.id(), late.id());
        assertThat(instances.dueForRenewal(Fixtures.NOW.plusSeconds(3600 * 24 * 365), 1)).containsExactly(early.id());
    }

    @Test
    void countsMatchesIgnoringThePage() {
        instances.insert(newInstance(one, "a", List.of("blue")));
        instances.insert(newInstance(one, "b", List.of("blue")));
        instances.insert(newInstance(one, "c", List.of()));
        instances.insert(newInstance(two, "d", List.of("blue")));

        assertThat(instances.count(one.organizationId(), new InstanceQuery(List.of("blue"), null, null, null, 1, 1)))
                .isEqualTo(2);
        assertThat(instances.count(one.organizationId(), InstanceQuery.all())).isEqualTo(3);
        assertThat(instances.count(two.organizationId(), new InstanceQuery(List.of(), "other", null, null, 0, 5))).isZero();
    }

    @Test
    void findsAnElementsInstancesOfOneProviderAccountAcrossOrganizationsOldestFirst() {
        Instance newer = account(newInstance(one, "newer", List.of()), "facebooksocial", "page-1",
                "2026-01-12T10:00:00Z");
        Instance older = account(newInstance(two, "older", List.of()), "facebooksocial", "page-1",
                "2026-01-10T10:00:00Z");
        Instance middle = account(newInstance(one, "middle", List.of()), "facebooksocial", "page-1",
                "2026-01-11T10:00:00Z");
        Instance otherAccount = account(newInstance(one, "other account", List.of()), "facebooksocial", "page-2",
                "2026-01-09T10:00:00Z");
        Instance otherElement = account(newInstance(one, "other element", List.of()), "twitter", "page-1",
                "2026-01-09T10:00:00Z");
        for (Instance instance : List.of(newer, older, middle, otherAccount, otherElement)) {
            instances.insert(instance);
        }
        ElementKey facebook = ElementKey.of("facebooksocial");

        assertThat(instances.findByProviderAccount(facebook, "page-1", 10)).containsExactly(older, middle, newer);
        assertThat(instances.findByProviderAccount(facebook, "page-1", 2)).containsExactly(older, middle);
        assertThat(instances.findByProviderAccount(facebook, "page-2", 10)).containsExactly(otherAccount);
        assertThat(instances.findByProviderAccount(ElementKey.of("twitter"), "page-1", 10))
                .containsExactly(otherElement);
        assertThat(instances.findByProviderAccount(ElementKey.of("twitter"), "page-2", 10)).isEmpty();
        assertThat(instances.findByProviderAccount(facebook, "page", 10)).as("the whole id, not a prefix").isEmpty();
    }

    private static Instance account(Instance instance, String element, String providerAccountId, String created) {
        Instant at = Instant.parse(created);
        return new Instance(instance.id(), instance.organizationId(), instance.ownerId(), ElementKey.of(element),
                instance.name(), instance.tags(), instance.configuration(), instance.secrets(), providerAccountId,
                instance.tokenDigest(), instance.disabled(), instance.credentials(), at, at, instance.version());
    }

    @Test
    void findsNothingForUnknownIdsAndTokens() {
        instances.insert(newInstance(two, "someone else's", List.of()));

        assertThat(instances.findById(new InstanceId(123_456_789))).isEmpty();
        assertThat(instances.findByTokenDigest(SecretDigest.of("nobody's token"))).isEmpty();
        Set<String> names = new HashSet<>();
        instances.list(one.organizationId(), InstanceQuery.all()).forEach(i -> names.add(i.name()));
        assertThat(names).isEmpty();
    }
}
