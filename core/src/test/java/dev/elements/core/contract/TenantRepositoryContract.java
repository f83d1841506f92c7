package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import dev.elements.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TenantRepository} must do. Each storage runs these cases by extending this
 * class; {@link #emptyRepository()} returns a repository with no organizations.
 */
public abstract class TenantRepositoryContract {

    protected abstract TenantRepository emptyRepository();

    @Test
    void anEmptyRepositoryHasNoOrganizations() {
        assertThat(emptyRepository().hasOrganizations()).isFalse();
    }

    @Test
    void onlyOneFirstOrganizationIsCreatedEvenWhenNodesRace() throws Exception {
        TenantRepository tenants = emptyRepository();
        List<Callable<Optional<Principal>>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = "admin" + i + "@first.example";
            attempts.add(() -> tenants.createFirstOrganization("First", SecretDigest.of(Fixtures.secret()),
                    Fixtures.newUser(email, Role.ORG_ADMIN)));
        }
        assertThat(createdAtOnce(attempts)).isEqualTo(1);
        assertThat(tenants.createFirstOrganization("Again", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("x@again.example", Role.ORG_ADMIN))).isEmpty();
    }

    @Test
    void nodesStartingTogetherWithTheSameBootstrapSecretsCreateOneOrganization() throws Exception {
        TenantRepository tenants = emptyRepository();
        SecretDigest organizationSecret = SecretDigest.of("shared organization secret");
        NewUser administrator = new NewUser("admin@elements.local", "Elements", "Administrator", Role.ORG_ADMIN,
                SecretDigest.of("shared user secret"));
        Callable<Optional<Principal>> node = () -> tenants.createFirstOrganization("First", organizationSecret,
                administrator);

        assertThat(createdAtOnce(Collections.nCopies(4, node))).isEqualTo(1);
        assertThat(tenants.findUserBySecret(administrator.secretDigest())).isPresent();
    }

    /** Runs the creations at once, as nodes starting together do; how many created an organization. */
    private static int createdAtOnce(List<Callable<Optional<Principal>>> creations) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(creations.size());
        try {
            int created = 0;
            for (Future<Optional<Principal>> creation : pool.invokeAll(creations, 30, TimeUnit.SECONDS)) {
                created += creation.get().isPresent() ? 1 : 0;
            }
            return created;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createsAnOrganizationWithItsAdministrator() {
        TenantRepository tenants = emptyRepository();
        SecretDigest organizationSecret = SecretDigest.of(Fixtures.secret());
        NewUser admin = Fixtures.newUser("admin@one.example", Role.ORG_ADMIN);

        Principal created = tenants.createOrganization("One", organizationSecret, admin);

        assertThat(tenants.hasOrganizations()).isTrue();
        assertThat(tenants.findOrganization(created.organizationId())).hasValueSatisfying(organization -> {
            assertThat(organization.name()).isEqualTo("One");
            assertThat(organization.secretDigest()).isEqualTo(organizationSecret);
        });
        assertThat(created.user().role()).isEqualTo(Role.ORG_ADMIN);
        assertThat(created.user().active()).isTrue();
        assertThat(tenants.findUserBySecret(admin.secretDigest())).contains(created.user());
    }

    @Test
    void findsUsersOnlyWithinTheirOrganization() {
        TenantRepository tenants = emptyRepository();
        Principal one = tenants.createOrganization("One", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("a@one.example", Role.ORG_ADMIN));
        Principal two = tenants.createOrganization("Two", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("a@one.example", Role.ORG_ADMIN));

        assertThat(tenants.findUser(one.organizationId(), one.user().id())).contains(one.user());
        assertThat(tenants.findUser(two.organizationId(), one.user().id())).isEmpty();
        assertThat(tenants.users(one.organizationId())).containsExactly(one.user());
        assertThat(tenants.findUser(one.organizationId(), new UserId(987_654))).isEmpty();
    }

    @Test
    void unknownSecretsFindNobody() {
        TenantRepository tenants = emptyRepository();
        Fixtures.organization(tenants, "One");

        assertThat(tenants.findUserBySecret(SecretDigest.of("not a user secret"))).isEmpty();
    }

    @Test
    void addsUsersAndRefusesADuplicateEmailInTheSameOrganization() {
        TenantRepository tenants = emptyRepository();
        Principal one = Fixtures.organization(tenants, "One");

        User added = tenants.addUser(one.organizationId(), Fixtures.newUser("dev@one.example", Role.ORG));

        assertThat(added.role()).isEqualTo(Role.ORG);
        assertThat(tenants.users(one.organizationId())).extracting(User::emailAddress)
                .containsExactly("admin@one.example", "dev@one.example");
        assertThatThrownBy(() -> tenants.addUser(one.organizationId(), Fixtures.newUser("DEV@one.example", Role.ORG)))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
    }

    @Test
    void findsUsersByEmailInEveryOrganizationIgnoringCaseButNotDeletedOnes() {
        TenantRepository tenants = emptyRepository();
        Principal one = Fixtures.organization(tenants, "One");
        Principal two = Fixtures.organization(tenants, "Two");
        User inOne = tenants.addUser(one.organizationId(), Fixtures.newUser("ops@shared.example", Role.ORG));
        User inTwo = tenants.addUser(two.organizationId(), Fixtures.newUser("Ops@Shared.example", Role.ORG));
        User gone = tenants.addUser(two.organizationId(), Fixtures.newUser("gone@shared.example", Role.ORG));
        assertThat(tenants.deleteUser(gone)).isTrue();

        assertThat(tenants.usersByEmail("OPS@shared.example")).extracting(User::id)
                .containsExactly(inOne.id(), inTwo.id());
        assertThat(tenants.usersByEmail("gone@shared.example")).isEmpty();
        assertThat(tenants.usersByEmail("nobody@shared.example")).isEmpty();
    }

    @Test
    void updatesAUserInPlace() {
        TenantRepository tenants = emptyRepository();
        Principal one = Fixtures.organization(tenants, "One");
        User user = tenants.addUser(one.organizationId(), Fixtures.newUser("dev@one.example", Role.ORG));
        SecretDigest newSecret = SecretDigest.of(Fixtures.secret());
        User deactivated = new User(user.id(), user.organizationId(), user.emailAddress(), "New", "Name", user.role(),
                false, newSecret, user.createdAt(), user.version());

        assertThat(tenants.updateUser(deactivated)).isTrue();

        assertThat(tenants.findUser(one.organizationId(), user.id())).contains(deactivated.nextVersion());
        assertThat(tenants.findUserBySecret(user.secretDigest())).isEmpty();
        assertThat(tenants.findUserBySecret(newSecret)).contains(deactivated.nextVersion());
    }

    private static User changed(User user, boolean active, SecretDigest secret) {
        return new User(user.id(), user.organizationId(), user.emailAddress(), user.firstName(), user.lastName(),
                user.role(), active, secret, user.createdAt(), user.version());
    }

    @Test
    void anUpdateMadeFromAnOlderVersionChangesNothing() {
        TenantRepository tenants = emptyRepository();
        Principal one = tenants.createOrganization("One", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@one.example", Role.ORG_ADMIN));
        User read = tenants.addUser(one.organizationId(), Fixtures.newUser("dev@one.example", Role.ORG));
        SecretDigest newSecret = SecretDigest.of(Fixtures.secret());

        assertThat(tenants.updateUser(changed(read, false, read.secretDigest()))).as("the deactivation").isTrue();
        assertThat(tenants.updateUser(changed(read, true, newSecret))).as("a secret renewal from before it").isFalse();

        User stored = tenants.findUser(one.organizationId(), read.id()).orElseThrow();
        assertThat(stored.active()).isFalse();
        assertThat(stored.secretDigest()).isEqualTo(read.secretDigest());
        assertThat(stored.version()).isEqualTo(read.version() + 1);
        assertThat(tenants.updateUser(changed(read, true, newSecret))).as("and no retry of it either").isFalse();
    }

    @Test
    void theLastActiveAdministratorCannotBeDeactivatedOrDemoted() {
        TenantRepository tenants = emptyRepository();
        Principal one = tenants.createOrganization("One", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@one.example", Role.ORG_ADMIN));
        tenants.createOrganization("Two", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@two.example", Role.ORG_ADMIN));
        User admin = one.user();

        assertThatThrownBy(() -> tenants.updateUser(changed(admin, false, admin.secretDigest())))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_ADMINISTRATOR));
        assertThatThrownBy(() -> tenants.updateUser(new User(admin.id(), admin.organizationId(),
                admin.emailAddress(), "", "", Role.ORG, true, admin.secretDigest(), admin.createdAt(), admin.version())))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_ADMINISTRATOR));
        assertThat(tenants.findUser(one.organizationId(), admin.id())).contains(admin);
        assertThat(tenants.updateUser(changed(admin, true, SecretDigest.of(Fixtures.secret()))))
                .as("any other change of the last admin is fine").isTrue();
    }

    @Test
    void aDeletedUserIsFoundByNothingAndItsAddressIsFreeAgain() {
        TenantRepository tenants = emptyRepository();
        Principal one = tenants.createOrganization("One", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@one.example", Role.ORG_ADMIN));
        SecretDigest secret = SecretDigest.of(Fixtures.secret());
        User leaving = tenants.addUser(one.organizationId(),
                new NewUser("dev@one.example", "Dev", "One", Role.ORG, secret));

        assertThat(tenants.deleteUser(leaving)).isTrue();

        assertThat(tenants.findUser(one.organizationId(), leaving.id())).isEmpty();
        assertThat(tenants.findUserBySecret(secret)).isEmpty();
        assertThat(tenants.users(one.organizationId())).extracting(User::id).containsExactly(one.user().id());
        assertThat(tenants.deleteUser(leaving)).as("a second deletion finds nobody").isFalse();
        assertThat(tenants.updateUser(changed(leaving, true, leaving.secretDigest())))
                .as("nor does an update").isFalse();
        User again = tenants.addUser(one.organizationId(), Fixtures.newUser("DEV@one.example", Role.ORG));
        assertThat(tenants.findUser(one.organizationId(), again.id())).contains(again);
    }

    @Test
    void aDeletionMadeFromAnOlderVersionOrInAnotherOrganizationRemovesNothing() {
        TenantRepository tenants = emptyRepository();
        Principal one = tenants.createOrganization("One", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@one.example", Role.ORG_ADMIN));
        Principal two = tenants.createOrganization("Two", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@two.example", Role.ORG_ADMIN));
        User read = tenants.addUser(one.organizationId(), Fixtures.newUser("dev@one.example", Role.ORG));
        assertThat(tenants.updateUser(changed(read, true, SecretDigest.of(Fixtures.secret())))).isTrue();

        assertThat(tenants.deleteUser(read)).isFalse();
        User current = tenants.findUser(one.organizationId(), read.id()).orElseThrow();
        assertThat(tenants.deleteUser(new User(current.id(), two.organizationId(), current.emailAddress(),
                current.firstName(), current.lastName(), current.role(), current.active(), current.secretDigest(),
                current.createdAt(), current.version()))).isFalse();
        assertThat(tenants.findUser(one.organizationId(), read.id())).contains(current);
    }

    @Test
    void theLastActiveAdministratorCannotBeDeleted() {
        TenantRepository tenants = emptyRepository();
        Principal one = tenants.createOrganization("One", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@one.example", Role.ORG_ADMIN));
        User inactive = tenants.addUser(one.organizationId(), Fixtures.newUser("old@one.example", Role.ORG_ADMIN));
        assertThat(tenants.updateUser(changed(inactive, false, inactive.secretDigest()))).isTrue();

        assertThatThrownBy(() -> tenants.deleteUser(one.user()))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_ADMINISTRATOR));
        assertThat(tenants.findUser(one.organizationId(), one.user().id())).contains(one.user());

        User second = tenants.addUser(one.organizationId(), Fixtures.newUser("second@one.example", Role.ORG_ADMIN));
        assertThat(tenants.deleteUser(one.user())).isTrue();
        assertThat(tenants.users(one.organizationId())).extracting(User::id)
                .containsExactly(inactive.id(), second.id());
    }

    /**
     * Two org-admins deactivate each other at the same moment, each having seen the other still
     * active: whatever the interleaving, the organization keeps an active org-admin.
     */
    @Test
    void twoAdministratorsDeactivatingEachOtherAtOnceLeaveOneActive() throws Exception {
        TenantRepository tenants = emptyRepository();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 30; attempt++) {
                Principal organization = tenants.createOrganization("Org " + attempt,
                        SecretDigest.of(Fixtures.secret()), Fixtures.newUser("a@" + attempt + ".example", Role.ORG_ADMIN));
                User a = organization.user();
                User b = tenants.addUser(organization.organizationId(),
                        Fixtures.newUser("b@" + attempt + ".example", Role.ORG_ADMIN));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                var first = pool.submit(() -> deactivateQuietly(tenants, a, together));
                var second = pool.submit(() -> deactivateQuietly(tenants, b, together));
                int deactivated = (first.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0)
                        + (second.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0);

                long active = tenants.users(organization.organizationId()).stream()
                        .filter(User::activeAdministrator).count();
                assertThat(active).as("active org-admins after try " + attempt).isEqualTo(1);
                assertThat(deactivated).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean deactivateQuietly(TenantRepository tenants, User user,
            java.util.concurrent.CyclicBarrier together) throws Exception {
        together.await(30, java.util.concurrent.TimeUnit.SECONDS);
        try {
            return tenants.updateUser(changed(user, false, user.secretDigest()));
        } catch (PlatformException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.LAST_ADMINISTRATOR);
            return false;
        }
    }

    /** A user renewing their secret while an admin deactivates them: never active with the new secret. */
    @Test
    void aSecretRenewalRacingADeactivationNeverUndoesIt() throws Exception {
        TenantRepository tenants = emptyRepository();
        Principal one = tenants.createOrganization("One", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@one.example", Role.ORG_ADMIN));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 30; attempt++) {
                User read = tenants.addUser(one.organizationId(),
                        Fixtures.newUser("dev" + attempt + "@one.example", Role.ORG));
                SecretDigest renewed = SecretDigest.of(Fixtures.secret());
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                var deactivation = pool.submit(() -> {
                    together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    return tenants.updateUser(changed(read, false, read.secretDigest()));
                });
                var renewal = pool.submit(() -> {
                    together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    return tenants.updateUser(changed(read, true, renewed));
                });
                boolean deactivated = deactivation.get(30, java.util.concurrent.TimeUnit.SECONDS);
                boolean secretChanged = renewal.get(30, java.util.concurrent.TimeUnit.SECONDS);

                User stored = tenants.findUser(one.organizationId(), read.id()).orElseThrow();
                assertThat(deactivated ^ secretChanged).as("exactly one write of try " + attempt).isTrue();
                assertThat(stored.active() && stored.secretDigest().equals(renewed))
                        .as("active with the new secret after try " + attempt).isEqualTo(secretChanged);
                assertThat(stored.active()).isEqualTo(secretChanged);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
