package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.AddUserCommand;
import dev.elements.core.port.in.CreateOrganizationCommand;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.OrganizationDescription;
import dev.elements.core.port.in.UpdateUserCommand;
import dev.elements.core.port.in.UserDescription;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.query.Condition;
import dev.elements.core.query.ConditionMatcher;
import dev.elements.core.tenant.LastAdministrator;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserFields;
import dev.elements.core.tenant.UserId;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Organizations and their users, with the roles of Cloud Elements. */
public final class TenantService implements ManageTenantsUseCase {
    private static final ConditionMatcher USERS_WHERE = new ConditionMatcher(UserFields.QUERYABLE);

    /** Writers racing on one user are rare and each attempt re-reads, so a few attempts suffice. */
    private static final int UPDATE_ATTEMPTS = 5;

    private final TenantRepository tenants;
    private final SecretGenerator secrets;

    public TenantService(TenantRepository tenants, SecretGenerator secrets) {
        this.tenants = requireNonNull(tenants, "tenants");
        this.secrets = requireNonNull(secrets, "secrets");
    }

    @Override
    public OrganizationDescription createOrganization(CreateOrganizationCommand command) {
        String organizationSecret = secrets.newSecret();
        String administratorSecret = secrets.newSecret();
        Principal created = tenants.createOrganization(command.name().trim(), SecretDigest.of(organizationSecret),
                new NewUser(command.adminEmail(), "", "", Role.ORG_ADMIN, SecretDigest.of(administratorSecret)));
        return new OrganizationDescription(created.organization(), organizationSecret,
                new UserDescription(created.user(), administratorSecret));
    }

    @Override
    public UserDescription addUser(Principal principal, AddUserCommand command) {
        requireAdministrator(principal);
        String secret = secrets.newSecret();
        User added = tenants.addUser(principal.organizationId(), new NewUser(command.emailAddress(),
                command.firstName(), command.lastName(), command.roleOrDefault(), SecretDigest.of(secret)));
        return new UserDescription(added, secret);
    }

    @Override
    public List<User> users(Principal principal, Condition where) {
        List<User> visible = principal.isAdministrator()
                ? tenants.users(principal.organizationId())
                : List.of(principal.user());
        if (where == null) {
            return visible;
        }
        // Filtered here rather than in storage: an organization's users are few, the list has no
        // paging, and every store reads them all for this route anyway.
        UserFields.QUERYABLE.check(where);
        return visible.stream().filter(user -> USERS_WHERE.matches(where, field -> UserFields.valueOf(user, field)))
                .toList();
    }

    @Override
    public User user(Principal principal, UserId id) {
        return readable(principal, find(principal, id));
    }

    @Override
    public User userByEmail(Principal principal, String emailAddress) {
        requireNonNull(emailAddress, "emailAddress");
        // A user who may read only themselves learns nothing of other addresses: another's is as unknown as none.
        return tenants.users(principal.organizationId()).stream()
                .filter(candidate -> candidate.emailAddress().equalsIgnoreCase(emailAddress))
                .filter(candidate -> principal.isAdministrator() || candidate.id().equals(principal.user().id()))
                .findFirst()
                .orElseThrow(() -> new PlatformException(ErrorCode.USER_NOT_FOUND,
                        "No user with that email address"));
    }

    @Override
    public void deleteUser(Principal principal, UserId id) {
        User user = find(principal, id);
        if (!principal.isAdministrator() && !user.id().equals(principal.user().id())) {
            throw new PlatformException(ErrorCode.NOT_ALLOWED, "Only an org-admin can delete other users");
        }
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            // The storage refuses the last active org-admin atomically with the removal.
            if (tenants.deleteUser(find(principal, id))) {
                return;
            }
        }
        throw new PlatformException(ErrorCode.CONCURRENT_UPDATE,
                "User " + id + " is being changed by other requests at the same time; retry");
    }

    private static User readable(Principal principal, User user) {
        if (!principal.isAdministrator() && !user.id().equals(principal.user().id())) {
            throw new PlatformException(ErrorCode.NOT_ALLOWED, "Only an org-admin can read other users");
        }
        return user;
    }

    @Override
    public User updateUser(Principal principal, UserId id, UpdateUserCommand command) {
        find(principal, id);
        requireAdministrator(principal);
        return change(principal.organizationId(), id, user -> {
            Role role = command.role() == null ? user.role() : Role.fromKey(command.role()).orElseThrow();
            boolean active = command.active() == null ? user.active() : command.active();
            User updated = new User(user.id(), user.organizationId(), user.emailAddress(),
                    command.firstName() == null ? user.firstName() : command.firstName(),
                    command.lastName() == null ? user.lastName() : command.lastName(),
                    role, active, user.secretDigest(), user.createdAt(), user.version());
            // Checked here for the common case; the storage checks it again atomically with the write.
            if (user.activeAdministrator() && !updated.activeAdministrator()
                    && tenants.users(principal.organizationId()).stream()
                            .noneMatch(other -> !other.id().equals(user.id()) && other.activeAdministrator())) {
                throw LastAdministrator.refused();
            }
            return updated;
        });
    }

    @Override
    public UserDescription regenerateSecret(Principal principal, UserId id) {
        User user = find(principal, id);
        if (!principal.isAdministrator() && !user.id().equals(principal.user().id())) {
            throw new PlatformException(ErrorCode.NOT_ALLOWED, "Only an org-admin can renew another user's secret");
        }
        return renewSecret(principal.organizationId(), id);
    }

    @Override
    public UserDescription resetSecret(String emailAddress, OrganizationId organization) {
        requireNonNull(emailAddress, "emailAddress");
        List<User> matching = tenants.usersByEmail(emailAddress).stream()
                .filter(user -> organization == null || user.organizationId().equals(organization))
                .toList();
        if (matching.isEmpty()) {
            throw new PlatformException(ErrorCode.USER_NOT_FOUND, "No user with that email address"
                    + (organization == null ? "" : " in organization " + organization));
        }
        if (matching.size() > 1) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "Users of several organizations have that email"
                    + " address (organizations " + matching.stream()
                            .map(user -> user.organizationId().value()).sorted().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + "): name the organization as well");
        }
        return renewSecret(matching.get(0).organizationId(), matching.get(0).id());
    }

    private UserDescription renewSecret(OrganizationId organization, UserId id) {
        String secret = secrets.newSecret();
        // Only the secret changes: a deactivation or role change made meanwhile stays as it is.
        User renewed = change(organization, id, current -> new User(current.id(), current.organizationId(),
                current.emailAddress(), current.firstName(), current.lastName(), current.role(), current.active(),
                SecretDigest.of(secret), current.createdAt(), current.version()));
        return new UserDescription(renewed, secret);
    }

    /**
     * Applies {@code change} to the user as stored now and writes it onto that version; when
     * another writer came first, starts again from what it wrote, a bounded number of times.
     */
    private User change(OrganizationId organization, UserId id, UnaryOperator<User> change) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            User updated = change.apply(find(organization, id));
            if (tenants.updateUser(updated)) {
                return updated.nextVersion();
            }
        }
        throw new PlatformException(ErrorCode.CONCURRENT_UPDATE,
                "User " + id + " is being changed by other requests at the same time; retry");
    }

    /** A user of another organization is reported exactly like a missing one. */
    private User find(Principal principal, UserId id) {
        return find(principal.organizationId(), id);
    }

    private User find(OrganizationId organization, UserId id) {
        return tenants.findUser(organization, id)
                .orElseThrow(() -> new PlatformException(ErrorCode.USER_NOT_FOUND, "No user with id " + id));
    }

    private static void requireAdministrator(Principal principal) {
        if (!principal.isAdministrator()) {
            throw new PlatformException(ErrorCode.NOT_ALLOWED, "Only an org-admin can manage users");
        }
    }
}
