package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.in.BootstrapOrganizationUseCase;
import dev.elements.core.port.in.FirstOrganization;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.SecretGenerator;
import java.util.Optional;

/** Gives a fresh installation its first organization and administrator, so that someone can log in. */
public final class OrganizationBootstrap implements BootstrapOrganizationUseCase {
    public static final String ORGANIZATION_NAME = "Default organization";
    public static final String ADMINISTRATOR_EMAIL = "admin@elements.local";

    private final TenantRepository tenants;
    private final SecretGenerator generator;

    public OrganizationBootstrap(TenantRepository tenants, SecretGenerator generator) {
        this.tenants = requireNonNull(tenants, "tenants");
        this.generator = requireNonNull(generator, "generator");
    }

    @Override
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
}
