package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.User;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final AuthenticationService authentication = new AuthenticationService(tenants, null);
    private final Principal one = tenants.createOrganization("One", SecretDigest.of("org-one"),
            new NewUser("a@one.example", "A", "One", Role.ORG_ADMIN, SecretDigest.of("user-one")));
    private final Principal two = tenants.createOrganization("Two", SecretDigest.of("org-two"),
            new NewUser("b@two.example", "B", "Two", Role.ORG_ADMIN, SecretDigest.of("user-two")));

    private static PresentedCredentials credentials(String user, String organization) {
        return new PresentedCredentials(user, organization, null, null);
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void findsTheCallerFromBothSecrets() {
        Principal found = authentication.authenticate(credentials("user-one", "org-one"));

        assertThat(found.user().id()).isEqualTo(one.user().id());
        assertThat(found.organizationId()).isEqualTo(one.organizationId());
    }

    @Test
    void bothSecretsAreNeeded() {
        assertRefused(() -> authentication.authenticate(credentials("user-one", null)), ErrorCode.MISSING_CREDENTIALS);
        assertRefused(() -> authentication.authenticate(credentials(null, "org-one")), ErrorCode.MISSING_CREDENTIALS);
    }

    @Test
    void refusesWrongOrCrossedSecretsWithOneMessage() {
        assertRefused(() -> authentication.authenticate(credentials("user-one", "wrong")),
                ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> authentication.authenticate(credentials("wrong", "org-one")),
                ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> authentication.authenticate(credentials("user-one", "org-two")),
                ErrorCode.INVALID_CREDENTIALS);
        assertThatThrownBy(() -> authentication.authenticate(credentials("user-one", "org-two")))
                .hasMessage("Invalid User or Organization secret");
        assertThat(two.organizationId()).isNotEqualTo(one.organizationId());
    }

    @Test
    void aDeactivatedUserIsRefused() {
        User user = one.user();
        // Demoted first, since an organization keeps an active org-admin.
        tenants.addUser(one.organizationId(),
                new NewUser("c@one.example", "C", "One", Role.ORG_ADMIN, SecretDigest.of("user-three")));
        assertThat(tenants.updateUser(new User(user.id(), user.organizationId(), user.emailAddress(),
                user.firstName(), user.lastName(), user.role(), false, user.secretDigest(), user.createdAt(),
                user.version()))).isTrue();

        assertRefused(() -> authentication.authenticate(credentials("user-one", "org-one")),
                ErrorCode.INVALID_CREDENTIALS);
    }
}
