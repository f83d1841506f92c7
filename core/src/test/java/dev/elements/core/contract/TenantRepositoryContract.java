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
    void updatesAUserInPlace() {
        TenantRepository tenants = emptyRepository();
        Principal one = Fixtures.organization(tenants, "One");
        User user = tenants.addUser(one.organizationId(), Fixtures.newUser("dev@one.example", Role.ORG));
        SecretDigest newSecret = SecretDigest.of(Fixtures.secret());
        User deactivated = new User(user.id(), user.organizationId(), user.emailAddress(), "New", "Name", user.role(),
                false, newSecret, user.createdAt());

        assertThat(tenants.updateUser(deactivated)).isTrue();

        assertThat(tenants.findUser(one.organizationId(), user.id())).contains(deactivated);
        assertThat(tenants.findUserBySecret(user.secretDigest())).isEmpty();
        assertThat(tenants.findUserBySecret(newSecret)).contains(deactivated);
    }
}
