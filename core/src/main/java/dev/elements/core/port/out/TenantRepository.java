package dev.elements.core.port.out;

import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Organization;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import java.util.List;
import java.util.Optional;

/** Where organizations and their users live. Secrets are present only as digests. */
public interface TenantRepository {
    /** Creates an organization together with its first administrator, in one step. */
    Principal createOrganization(String name, SecretDigest organizationSecret, NewUser administrator);

    /**
     * Creates the very first organization, only if there is none yet; when several nodes start on an
     * empty database at once, exactly one succeeds.
     *
     * @return the new organization, or empty when one exists already
     */
    Optional<Principal> createFirstOrganization(String name, SecretDigest organizationSecret, NewUser administrator);

    boolean hasOrganizations();

    Optional<Organization> findOrganization(OrganizationId id);

    Optional<User> findUserBySecret(SecretDigest userSecret);

    Optional<User> findUser(OrganizationId organization, UserId id);

    List<User> users(OrganizationId organization);

    /** The users of every organization with this email address, compared without regard to case. */
    List<User> usersByEmail(String emailAddress);

    /**
     * @throws dev.elements.core.error.PlatformException {@code ALREADY_EXISTS} when the email
     *     address is taken in this organization
     */
    User addUser(OrganizationId organization, NewUser user);

    /**
     * Replaces the stored user with the same id and organization, if it is still at
     * {@code user.version()}; the stored user is then at the next version.
     *
     * @return false when the user is gone or was changed since it was read: nothing was written
     * @throws dev.elements.core.error.PlatformException {@code LAST_ADMINISTRATOR} when the update
     *     would leave the organization without an active org-admin; checked atomically with the
     *     update, so that no interleaving of updates can remove the last one
     */
    boolean updateUser(User user);

    /**
     * Removes the stored user with the same id and organization, if it is still at
     * {@code user.version()}: it is then found by nothing (not its id, not its secret, not the
     * organization's list), and its email address may be given to a new user. A storage may keep
     * the row for what refers to it (the instances the user created), out of every read.
     *
     * @return false when the user is gone or was changed since it was read: nothing was removed
     * @throws dev.elements.core.error.PlatformException {@code LAST_ADMINISTRATOR} when the user is
     *     the organization's last active org-admin; checked atomically with the removal
     */
    boolean deleteUser(User user);
}
