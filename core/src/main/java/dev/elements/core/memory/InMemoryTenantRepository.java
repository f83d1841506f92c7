package dev.elements.core.memory;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Organization;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.LastAdministrator;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Organizations and users in maps, for embedding hosts without a database and for tests. */
public final class InMemoryTenantRepository implements TenantRepository {
    private final Clock clock;
    private final AtomicLong organizationIds = new AtomicLong();
    private final AtomicLong userIds = new AtomicLong();
    private final Map<OrganizationId, Organization> organizations = new ConcurrentHashMap<>();
    private final Map<UserId, User> users = new ConcurrentHashMap<>();

    public InMemoryTenantRepository(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    public InMemoryTenantRepository() {
        this(Clock.systemUTC());
    }

    @Override
    public synchronized Principal createOrganization(String name, SecretDigest organizationSecret,
            NewUser administrator) {
        Organization organization = new Organization(new OrganizationId(organizationIds.incrementAndGet()), name,
                organizationSecret, clock.instant());
        organizations.put(organization.id(), organization);
        return new Principal(organization, addUser(organization.id(), administrator));
    }

    @Override
    public synchronized Optional<Principal> createFirstOrganization(String name, SecretDigest organizationSecret,
            NewUser administrator) {
        return hasOrganizations()
                ? Optional.empty()
                : Optional.of(createOrganization(name, organizationSecret, administrator));
    }

    @Override
    public boolean hasOrganizations() {
        return !organizations.isEmpty();
    }

    @Override
    public Optional<Organization> findOrganization(OrganizationId id) {
        return Optional.ofNullable(organizations.get(id));
    }

    @Override
    public Optional<User> findUserBySecret(SecretDigest userSecret) {
        return users.values().stream().filter(user -> user.secretDigest().equals(userSecret)).findFirst();
    }

    @Override
    public Optional<User> findUser(OrganizationId organization, UserId id) {
        return Optional.ofNullable(users.get(id)).filter(user -> user.organizationId().equals(organization));
    }

    @Override
    public List<User> users(OrganizationId organization) {
        return users.values().stream()
                .filter(user -> user.organizationId().equals(organization))
                .sorted(Comparator.comparing(user -> user.id().value()))
                .toList();
    }

    @Override
    public List<User> usersByEmail(String emailAddress) {
        return users.values().stream()
                .filter(user -> user.emailAddress().equalsIgnoreCase(emailAddress))
                .sorted(Comparator.comparing(user -> user.id().value()))
                .toList();
    }

    @Override
    public synchronized User addUser(OrganizationId organization, NewUser user) {
        boolean taken = users.values().stream().anyMatch(existing -> existing.organizationId().equals(organization)
                && existing.emailAddress().equalsIgnoreCase(user.emailAddress()));
        if (taken) {
            throw new PlatformException(ErrorCode.ALREADY_EXISTS,
                    "A user with email address " + RequestValues.quote(user.emailAddress()) + " exists already");
        }
        User created = new User(new UserId(userIds.incrementAndGet()), organization, user.emailAddress(),
                user.firstName(), user.lastName(), user.role(), true, user.secretDigest(), clock.instant(), 0);
        users.put(created.id(), created);
        return created;
    }

    @Override
    public synchronized boolean updateUser(User user) {
        User stored = storedAt(user);
        if (stored == null) {
            return false;
        }
        if (stored.activeAdministrator() && !user.activeAdministrator()) {
            refuseRemovingTheLastAdministrator(user);
        }
        users.put(user.id(), user.nextVersion());
        return true;
    }

    @Override
    public synchronized boolean deleteUser(User user) {
        User stored = storedAt(user);
        if (stored == null) {
            return false;
        }
        if (stored.activeAdministrator()) {
            refuseRemovingTheLastAdministrator(user);
        }
        users.remove(user.id());
        return true;
    }

    /** The stored user the given one was read from, or null when it is gone or was changed since. */
    private User storedAt(User user) {
        User stored = users.get(user.id());
        return stored == null || !stored.organizationId().equals(user.organizationId())
                || stored.version() != user.version() ? null : stored;
    }

    private void refuseRemovingTheLastAdministrator(User user) {
        if (users.values().stream().noneMatch(other -> other.organizationId().equals(user.organizationId())
                && !other.id().equals(user.id()) && other.activeAdministrator())) {
            throw LastAdministrator.refused();
        }
    }
}
