package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import java.util.Optional;

/** Gives a fresh installation its first organization and administrator, so that someone can log in. */
public final class OrganizationBootstrap {
    public static final String ORGANIZATION_NAME = "Default organization";
    public static final String ADMINISTRATOR_EMAIL = "admin@elements.local";

    private final TenantRepository tenants;
    private final SecretGenerator generator;

    public OrganizationBootstrap(TenantRepository tenants, SecretGenerator generator) {
        this.tenants = requireNonNull(tenants, "tenants");
        this.generator = requireNonNull(generator, "generator");
    }

    /**
     * The first organization, with the given secrets or random ones; or empty when organizations
     * exist already (the given secrets are then ignored).
     */
    public Optional<FirstOrganization> createFirstIfEmpty(String organizationSecret, String userSecret) {
        if (tenants.hasOrganizations()) {
            return Optional.empty();
        }
        boolean generated = organizationSecret == null || userSecret == null;
        String organization = organizationSecret != null ? organizationSecret : generator.newSecret();
        String user = userSecret != null ? userSecret : generator.newSecret();
        // Several nodes may start on one empty database at once; only one of them creates it.
        return tenants.createFirstOrganization(ORGANIZATION_NAME, SecretDigest.of(organization),
                        new NewUser(ADMINISTRATOR_EMAIL, "Elements", "Administrator", Role.ORG_ADMIN,
                                SecretDigest.of(user)))
                .map(principal -> new FirstOrganization(principal, organization, user, generated));
    }

    /**
     * @param generated whether some secret was made up here and must be shown to the operator once
     */
    public record FirstOrganization(Principal principal, String organizationSecret, String userSecret,
            boolean generated) {
        @Override
        public String toString() {
            return "FirstOrganization[" + principal.organizationId() + "]";
        }
    }
}
