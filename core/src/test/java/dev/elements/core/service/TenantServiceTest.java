package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.AddUserCommand;
import dev.elements.core.port.in.CreateOrganizationCommand;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.OrganizationDescription;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.port.in.UpdateUserCommand;
import dev.elements.core.port.in.UserDescription;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.User;
import dev.elements.core.testing.Platform;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TenantServiceTest {
    private final Platform platform = new Platform();
    private final ManageTenantsUseCase tenants = platform.elements.tenants();
    private final Principal admin = platform.principal;

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private Principal login(UserDescription user, String organizationSecret) {
        return platform.elements.authentication().authenticate(
                new PresentedCredentials(user.secretShownOnce().orElseThrow(), organizationSecret, null, null));
    }

    @Test
    void theOperatorCreatesAnOrganizationWhoseSecretsWork() {
        platform.elements.authentication().authenticateOperator(
                new PresentedCredentials(null, null, null, "operator-secret"));

        OrganizationDescription created = tenants.createOrganization(new CreateOrganizationCommand("Acme",
                "boss@acme.example"));

        Principal boss = login(created.administrator(), created.secret());
        assertThat(boss.organization().name()).isEqualTo("Acme");
        assertThat(boss.isAdministrator()).isTrue();
        assertThat(boss.organizationId()).isNotEqualTo(admin.organizationId());
    }

    @Test
    void operatorSecretsAreChecked() {
        assertRefused(() -> platform.elements.authentication().authenticateOperator(
                new PresentedCredentials(null, null, null, "wrong")), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> platform.elements.authentication().authenticateOperator(PresentedCredentials.none()),
                ErrorCode.MISSING_CREDENTIALS);
        var withoutOperator = dev.elements.core.Elements.builder().inMemory()
                .provider(new dev.elements.core.testing.ScriptedElementProvider()).build();
        assertRefused(() -> withoutOperator.authentication().authenticateOperator(
                new PresentedCredentials(null, null, null, "anything")), ErrorCode.RESOURCE_NOT_FOUND);
        assertThatThrownBy(() -> new CreateOrganizationCommand("Acme", "not an email"))
                .hasMessageContaining("adminEmail must be an email address");
    }

    @Test
    void theOperatorResetsTheSecretOfAUserFoundByEmailAndOnlyTheNewSecretWorks() {
        UserDescription dev = tenants.addUser(admin, new AddUserCommand("dev@one.example", "Dev", "One", null));

        UserDescription reset = tenants.resetSecret("DEV@one.example", null);

        assertThat(reset.user().id()).isEqualTo(dev.user().id());
        assertThat(login(reset, organizationSecret()).user().id()).isEqualTo(dev.user().id());
        assertRefused(() -> login(dev, organizationSecret()), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> tenants.resetSecret("nobody@one.example", null), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void anAddressOfUsersInSeveralOrganizationsNeedsTheOrganizationNamed() {
        OrganizationDescription other = tenants.createOrganization(new CreateOrganizationCommand("Other",
                "twin@shared.example"));
        tenants.addUser(admin, new AddUserCommand("twin@shared.example", null, null, null));

        assertThatThrownBy(() -> tenants.resetSecret("twin@shared.example", null))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_FIELD))
                .hasMessageContaining("organizations " + admin.organizationId() + ", " + other.organization().id());
        UserDescription reset = tenants.resetSecret("twin@shared.example", other.organization().id());
        assertThat(login(reset, other.secret()).organizationId()).isEqualTo(other.organization().id());
        assertRefused(() -> tenants.resetSecret("twin@shared.example", new dev.elements.core.tenant.OrganizationId(
                999_999)), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void administratorsManageUsersAndOthersSeeOnlyThemselves() {
        UserDescription dev = tenants.addUser(admin, new AddUserCommand("dev@one.example", "Dev", "One", null));
        Principal developer = login(dev, organizationSecret());

        assertThat(dev.user().role()).isEqualTo(Role.ORG);
        assertThat(tenants.users(admin, null)).extracting(User::emailAddress).contains("dev@one.example");
        assertThat(tenants.users(developer, null)).containsExactly(developer.user());
        assertThat(tenants.user(developer, developer.user().id())).isEqualTo(developer.user());
        assertRefused(() -> tenants.user(developer, admin.user().id()), ErrorCode.NOT_ALLOWED);
        assertRefused(() -> tenants.addUser(developer, new AddUserCommand("x@one.example", null, null, null)),
                ErrorCode.NOT_ALLOWED);
        assertRefused(() -> tenants.updateUser(developer, developer.user().id(),
                new UpdateUserCommand(null, null, null, "org-admin")), ErrorCode.NOT_ALLOWED);
        assertRefused(() -> tenants.addUser(admin, new AddUserCommand("dev@one.example", null, null, null)),
                ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void aDeactivatedUsersSecretStopsWorking() {
        UserDescription dev = tenants.addUser(admin, new AddUserCommand("dev@one.example", null, null, "org"));
        login(dev, organizationSecret());

        User deactivated = tenants.updateUser(admin, dev.user().id(), new UpdateUserCommand(false, null, null, null));

        assertThat(deactivated.active()).isFalse();
        assertRefused(() -> login(dev, organizationSecret()), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void aNewSecretReplacesTheOldOne() {
        UserDescription dev = tenants.addUser(admin, new AddUserCommand("dev@one.example", null, null, null));
        Principal developer = login(dev, organizationSecret());

        UserDescription renewed = tenants.regenerateSecret(developer, developer.user().id());

        assertThat(login(renewed, organizationSecret()).user().id()).isEqualTo(dev.user().id());
        assertRefused(() -> login(dev, organizationSecret()), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> tenants.regenerateSecret(developer, admin.user().id()), ErrorCode.NOT_ALLOWED);
    }

    @Test
    void theLastActiveAdministratorStays() {
        assertRefused(() -> tenants.updateUser(admin, admin.user().id(), new UpdateUserCommand(false, null, null,
                null)), ErrorCode.LAST_ADMINISTRATOR);
        assertRefused(() -> tenants.updateUser(admin, admin.user().id(), new UpdateUserCommand(null, null, null,
                "org")), ErrorCode.LAST_ADMINISTRATOR);

        UserDescription second = tenants.addUser(admin, new AddUserCommand("second@one.example", null, null,
                "org-admin"));
        assertThat(tenants.updateUser(admin, admin.user().id(), new UpdateUserCommand(null, "New", null, "org"))
                .role()).isEqualTo(Role.ORG);
        assertThat(second.user().role()).isEqualTo(Role.ORG_ADMIN);
    }

    @Test
    void aDeletedUsersSecretStopsAndOnlyAdministratorsDeleteOthers() {
        UserDescription dev = tenants.addUser(admin, new AddUserCommand("dev@one.example", null, null, null));
        UserDescription colleague = tenants.addUser(admin, new AddUserCommand("col@one.example", null, null, null));
        Principal developer = login(dev, organizationSecret());

        assertRefused(() -> tenants.deleteUser(developer, colleague.user().id()), ErrorCode.NOT_ALLOWED);
        tenants.deleteUser(admin, dev.user().id());

        assertRefused(() -> login(dev, organizationSecret()), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> tenants.user(admin, dev.user().id()), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> tenants.deleteUser(admin, dev.user().id()), ErrorCode.USER_NOT_FOUND);
        Principal self = login(colleague, organizationSecret());
        tenants.deleteUser(self, self.user().id());
        assertThat(tenants.users(admin, null)).containsExactly(admin.user());
    }

    @Test
    void theLastActiveAdministratorIsNotDeletedButAnotherMayDeleteItself() {
        assertRefused(() -> tenants.deleteUser(admin, admin.user().id()), ErrorCode.LAST_ADMINISTRATOR);

        UserDescription second = tenants.addUser(admin, new AddUserCommand("second@one.example", null, null,
                "org-admin"));
        tenants.deleteUser(admin, admin.user().id());

        Principal successor = login(second, organizationSecret());
        assertThat(tenants.users(successor, null)).extracting(User::id).containsExactly(second.user().id());
        assertRefused(() -> tenants.deleteUser(successor, successor.user().id()), ErrorCode.LAST_ADMINISTRATOR);
    }

    @Test
    void aUserIsFoundByEmailAddressWithinItsOrganizationOnly() {
        UserDescription dev = tenants.addUser(admin, new AddUserCommand("Dev@One.example", null, null, null));
        tenants.createOrganization(new CreateOrganizationCommand("Other", "o@other.example"));
        Principal developer = login(dev, organizationSecret());

        assertThat(tenants.userByEmail(admin, "dev@one.EXAMPLE")).isEqualTo(dev.user());
        assertThat(tenants.userByEmail(developer, "dev@one.example")).isEqualTo(dev.user());
        // A non-admin cannot tell another user's address from one nobody has.
        assertRefused(() -> tenants.userByEmail(developer, admin.user().emailAddress()), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> tenants.userByEmail(developer, "nobody@one.example"), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> tenants.userByEmail(admin, "o@other.example"), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void usersOfAnotherOrganizationAreNotFound() {
        OrganizationDescription other = tenants.createOrganization(new CreateOrganizationCommand("Other",
                "o@other.example"));
        var strangerId = other.administrator().user().id();

        assertRefused(() -> tenants.user(admin, strangerId), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> tenants.updateUser(admin, strangerId, new UpdateUserCommand(false, null, null, null)),
                ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> tenants.regenerateSecret(admin, strangerId), ErrorCode.USER_NOT_FOUND);
        assertThat(login(other.administrator(), other.secret()).user().active()).isTrue();
    }

    private String organizationSecret() {
        return platform.organizationSecret;
    }

    /** Runs both at once and waits for both; a refusal counts as an outcome, not a failure. */
    private static void together(ThrowingCallable one, ThrowingCallable other) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var futures = java.util.List.of(one, other).stream().map(call -> pool.submit(() -> {
                start.await(30, java.util.concurrent.TimeUnit.SECONDS);
                try {
                    call.call();
                } catch (PlatformException refused) {
                    // one of two conflicting changes may be refused
                } catch (Throwable unexpected) {
                    throw new AssertionError(unexpected);
                }
                return null;
            })).toList();
            for (var future : futures) {
                future.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoOrgAdminsDeactivatingEachOtherAtOnceAlwaysLeaveAnActiveOne() throws Exception {
        for (int attempt = 0; attempt < 30; attempt++) {
            OrganizationDescription organization = tenants.createOrganization(
                    new CreateOrganizationCommand("Race " + attempt, "a@race" + attempt + ".example"));
            Principal a = login(organization.administrator(), organization.secret());
            Principal b = login(tenants.addUser(a, new AddUserCommand("b@race" + attempt + ".example", null, null,
                    "org-admin")), organization.secret());

            together(() -> tenants.updateUser(a, b.user().id(), new UpdateUserCommand(false, null, null, null)),
                    () -> tenants.updateUser(b, a.user().id(), new UpdateUserCommand(false, null, null, null)));

            assertThat(platform.tenants.users(a.organizationId())).as("try " + attempt)
                    .filteredOn(User::activeAdministrator).hasSize(1);
        }
    }

    @Test
    void aSecretRenewalRacingItsDeactivationNeverLeavesTheUserActive() throws Exception {
        for (int attempt = 0; attempt < 30; attempt++) {
            UserDescription user = tenants.addUser(admin, new AddUserCommand("dev" + attempt + "@one.example", null,
                    null, null));
            Principal self = login(user, platform.organizationSecret);

            together(() -> tenants.regenerateSecret(self, self.user().id()),
                    () -> tenants.updateUser(admin, self.user().id(), new UpdateUserCommand(false, null, null, null)));

            assertThat(platform.tenants.findUser(admin.organizationId(), self.user().id()).orElseThrow().active())
                    .as("active after try " + attempt).isFalse();
        }
    }
}
