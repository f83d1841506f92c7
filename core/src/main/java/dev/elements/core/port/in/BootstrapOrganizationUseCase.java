package dev.elements.core.port.in;

import java.util.Optional;

/** Gives a fresh installation its first organization and administrator, so that someone can log in. */
public interface BootstrapOrganizationUseCase {
    /**
     * The first organization, with the given secrets or random ones; or empty when organizations
     * exist already (the given secrets are then ignored). Safe when several nodes start on one
     * empty database at once: only one of them creates it.
     *
     * @param organizationSecret the organization's secret, or null for a random one
     * @param userSecret the administrator's secret, or null for a random one
     */
    Optional<FirstOrganization> createFirstIfEmpty(String organizationSecret, String userSecret);
}
