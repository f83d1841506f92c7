package dev.elements.core.testing;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.CredentialState;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import dev.elements.core.tenant.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small builders for test data shared by the contract tests of every storage. */
public final class Fixtures {
    /** Millisecond precision, because that is what every database keeps. */
    public static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123Z");
    private static final SecretGenerator SECRETS = new SecretGenerator();

    private Fixtures() {
    }

    public static String secret() {
        return SECRETS.newSecret();
    }

    public static NewUser newUser(String email, Role role) {
        return new NewUser(email, "First", "Last", role, SecretDigest.of(secret()));
    }

    /** A new organization with a random secret and its administrator {@code admin@<name>.example}. */
    public static Principal organization(TenantRepository tenants, String name) {
        return tenants.createOrganization(name, SecretDigest.of(secret()),
                newUser("admin@" + name.toLowerCase(Locale.ROOT) + ".example", Role.ORG_ADMIN));
    }

    public static Instance instance(InstanceId id, OrganizationId organization, UserId owner, String name,
            List<String> tags) {
        Instant created = NOW.truncatedTo(ChronoUnit.MILLIS);
        return new Instance(id, organization, owner, ElementKey.of("facebooksocial"), name, tags,
                Map.of("oauth.api.key", "app-" + id, "oauth.callback.url", "https://app.example/callback"),
                new Sealed("key-1", new byte[] {1, 2, 3, (byte) id.value()}), "provider-user-" + id,
                SecretDigest.of(secret()), false,
                CredentialState.obtained(created, created.plus(Duration.ofDays(60)), Duration.ofHours(1),
                        Duration.ofMinutes(10)),
                created, created, 1);
    }
}
