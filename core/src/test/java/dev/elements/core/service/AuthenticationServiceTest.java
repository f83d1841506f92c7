package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.memory.InMemoryInstanceRepository;
import dev.elements.core.memory.InMemoryTenantRepository;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.User;
import dev.elements.core.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final InMemoryInstanceRepository instances = new InMemoryInstanceRepository();
    private final AuthenticationService authentication = new AuthenticationService(tenants, instances, null);
    private final Principal one = tenants.createOrganization("One", SecretDigest.of("org-one"),
            new NewUser("a@one.example", "A", "One", Role.ORG_ADMIN, SecretDigest.of("user-one")));
    private final Principal two = tenants.createOrganization("Two", SecretDigest.of("org-two"),
            new NewUser("b@two.example", "B", "Two", Role.ORG_ADMIN, SecretDigest.of("user-two")));

    /** An instance of the organization whose Element token is {@code token}. */
    private void instanceOf(Principal owner, String token) {
        Instance made = Fixtures.instance(instances.nextId(), owner.organizationId(), owner.user().id(), "CRM",
                List.of());
        instances.insert(made.change().tokenDigest(SecretDigest.of(token)).at(made.updatedAt()));
    }

    private static PresentedCredentials userAndToken(String user, String token) {
        return new PresentedCredentials(user, null, token, null);
    }

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

    @Test
    void theUserSecretAndAnElementTokenOfItsOrganizationSuffice() {
        instanceOf(one, "token-one");

        Principal found = authentication.authenticateWithElementToken(userAndToken("user-one", "token-one"));

        assertThat(found.user().id()).isEqualTo(one.user().id());
        assertThat(found.organizationId()).isEqualTo(one.organizationId());
        assertRefused(() -> authentication.authenticate(userAndToken("user-one", "token-one")),
                ErrorCode.MISSING_CREDENTIALS);
    }

    @Test
    void aUserOfAnotherOrganizationThanTheTokensIsRefusedWithOneMessage() {
        instanceOf(one, "token-one");
        instanceOf(two, "token-two");

        for (PresentedCredentials crossed : List.of(userAndToken("user-one", "token-two"),
                userAndToken("user-two", "token-one"), userAndToken("wrong", "token-one"),
                userAndToken("user-one", "wrong"))) {
            assertThatThrownBy(() -> authentication.authenticateWithElementToken(crossed))
                    .isInstanceOfSatisfying(PlatformException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS))
                    .hasMessage("Invalid User secret or Element token");
        }
    }

    @Test
    void withAnOrganizationSecretOrWithoutATokenBothSecretsAreChecked() {
        instanceOf(one, "token-one");

        assertThat(authentication.authenticateWithElementToken(
                new PresentedCredentials("user-one", "org-one", "token-one", null)).user().id())
                .isEqualTo(one.user().id());
        assertRefused(() -> authentication.authenticateWithElementToken(
                new PresentedCredentials("user-one", "org-two", "token-one", null)), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> authentication.authenticateWithElementToken(credentials("user-one", null)),
                ErrorCode.MISSING_CREDENTIALS);
        assertRefused(() -> authentication.authenticateWithElementToken(userAndToken(null, "token-one")),
                ErrorCode.MISSING_CREDENTIALS);
    }

    @Test
    void aDeactivatedUserIsRefusedWithAToken() {
        instanceOf(one, "token-one");
        User member = tenants.addUser(one.organizationId(),
                new NewUser("d@one.example", "D", "One", Role.ORG, SecretDigest.of("user-four")));
        assertThat(tenants.updateUser(new User(member.id(), member.organizationId(), member.emailAddress(),
                member.firstName(), member.lastName(), member.role(), false, member.secretDigest(),
                member.createdAt(), member.version()))).isTrue();

        assertRefused(() -> authentication.authenticateWithElementToken(userAndToken("user-four", "token-one")),
                ErrorCode.INVALID_CREDENTIALS);
    }
}
