package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.instance.Instance;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.Organization;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.User;
import java.util.Optional;

/** Finds the caller from its User and Organization secrets, or its User secret and an Element token. */
public final class AuthenticationService implements AuthenticateUseCase {
    /** A digest compared against when no user matched, so both paths do the same work. */
    private static final SecretDigest NOBODY = SecretDigest.of("no organization has this secret");

    private final TenantRepository tenants;
    private final InstanceRepository instances;
    private final SecretDigest operatorSecret;

    /** @param operatorSecret the operator's secret, or null when organizations cannot be created over HTTP */
    public AuthenticationService(TenantRepository tenants, InstanceRepository instances, String operatorSecret) {
        this.tenants = requireNonNull(tenants, "tenants");
        this.instances = requireNonNull(instances, "instances");
        this.operatorSecret = operatorSecret == null ? null : SecretDigest.of(operatorSecret);
    }

    @Override
    public Principal authenticate(PresentedCredentials credentials) {
        if (credentials.userSecret() == null || credentials.organizationSecret() == null) {
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS,
                    "This route needs an Authorization header with User and Organization secrets");
        }
        Optional<User> user = tenants.findUserBySecret(SecretDigest.of(credentials.userSecret()))
                .filter(User::active);
        Optional<Organization> organization = user.flatMap(found -> tenants.findOrganization(found.organizationId()));
        boolean organizationMatches = organization.map(Organization::secretDigest).orElse(NOBODY)
                .matches(credentials.organizationSecret());
        if (user.isEmpty() || organization.isEmpty() || !organizationMatches) {
            // One answer for every mismatch, so a caller cannot learn which secret was right.
            throw new PlatformException(ErrorCode.INVALID_CREDENTIALS, "Invalid User or Organization secret");
        }
        return new Principal(organization.get(), user.get());
    }

    @Override
    public Principal authenticateWithElementToken(PresentedCredentials credentials) {
        if (credentials.organizationSecret() != null || credentials.elementToken() == null) {
            return authenticate(credentials);
        }
        if (credentials.userSecret() == null) {
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS, "This route needs an Authorization header"
                    + " with the User secret and either the Organization secret or the Element token");
        }
        Optional<User> user = tenants.findUserBySecret(SecretDigest.of(credentials.userSecret()))
                .filter(User::active);
        Optional<OrganizationId> tokenOrganization = instances.findByTokenDigest(
                SecretDigest.of(credentials.elementToken())).map(Instance::organizationId);
        Optional<Organization> organization = user
                .filter(found -> tokenOrganization.filter(found.organizationId()::equals).isPresent())
                .flatMap(found -> tenants.findOrganization(found.organizationId()));
        if (organization.isEmpty()) {
            // One answer for every mismatch, as for User and Organization.
            throw new PlatformException(ErrorCode.INVALID_CREDENTIALS, "Invalid User secret or Element token");
        }
        return new Principal(organization.get(), user.get());
    }

    @Override
    public void authenticateOperator(PresentedCredentials credentials) {
        if (operatorSecret == null) {
            // The route is off: a 404 as for a route that does not exist, with the way to turn it on.
            // The message names the server's setting, since the operator is the one who reads it.
            throw new PlatformException(ErrorCode.RESOURCE_NOT_FOUND, "The operator routes are off: this server"
                    + " was started without an operator secret; set ELEMENTS_OPERATOR_SECRET (at least 32"
                    + " characters) to turn them on");
        }
        if (credentials.operatorSecret() == null) {
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS,
                    "This route needs an Authorization header with the Operator secret");
        }
        if (!operatorSecret.matches(credentials.operatorSecret())) {
            throw new PlatformException(ErrorCode.INVALID_CREDENTIALS, "Invalid Operator secret");
        }
    }
}
