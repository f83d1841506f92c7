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
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import java.util.List;

/** Organizations and their users, with the roles of Cloud Elements. */
public final class TenantService implements ManageTenantsUseCase {
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
    public List<User> users(Principal principal) {
        return principal.isAdministrator() ? tenants.users(principal.organizationId()) : List.of(principal.user());
    }

    @Override
    public User user(Principal principal, UserId id) {
        User user = find(principal, id);
        if (!principal.isAdministrator() && !user.id().equals(principal.user().id())) {
            throw new PlatformException(ErrorCode.NOT_ALLOWED, "Only an org-admin can read other users");
        }
        return user;
    }

    @Override
    public User updateUser(Principal principal, UserId id, UpdateUserCommand command) {
        User user = find(principal, id);
        requireAdministrator(principal);
        Role role = command.role() == null ? user.role() : Role.fromKey(command.role()).orElseThrow();
        boolean active = command.active() == null ? user.active() : command.active();
        User updated = new User(user.id(), user.organizationId(), user.emailAddress(),
                command.firstName() == null ? user.firstName() : command.firstName(),
                command.lastName() == null ? user.lastName() : command.lastName(),
                role, active, user.secretDigest(), user.createdAt());
        boolean stopsAdministering = user.role() == Role.ORG_ADMIN && user.active()
                && (role != Role.ORG_ADMIN || !active);
        if (stopsAdministering && tenants.users(principal.organizationId()).stream()
                .noneMatch(other -> !other.id().equals(user.id()) && other.active() && other.role() == Role.ORG_ADMIN)) {
            throw new PlatformException(ErrorCode.LAST_ADMINISTRATOR,
                    "An organization keeps at least one active org-admin; make another user org-admin first");
        }
        tenants.updateUser(updated);
        return updated;
    }

    @Override
    public UserDescription regenerateSecret(Principal principal, UserId id) {
        User user = find(principal, id);
        if (!principal.isAdministrator() && !user.id().equals(principal.user().id())) {
            throw new PlatformException(ErrorCode.NOT_ALLOWED, "Only an org-admin can renew another user's secret");
        }
        String secret = secrets.newSecret();
        User renewed = new User(user.id(), user.organizationId(), user.emailAddress(), user.firstName(),
                user.lastName(), user.role(), user.active(), SecretDigest.of(secret), user.createdAt());
        tenants.updateUser(renewed);
        return new UserDescription(renewed, secret);
    }

    /** A user of another organization is reported exactly like a missing one. */
    private User find(Principal principal, UserId id) {
        return tenants.findUser(principal.organizationId(), id)
                .orElseThrow(() -> new PlatformException(ErrorCode.USER_NOT_FOUND, "No user with id " + id));
    }

    private static void requireAdministrator(Principal principal) {
        if (!principal.isAdministrator()) {
            throw new PlatformException(ErrorCode.NOT_ALLOWED, "Only an org-admin can manage users");
        }
    }
}
