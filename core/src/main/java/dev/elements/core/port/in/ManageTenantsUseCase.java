package dev.elements.core.port.in;

import dev.elements.core.query.Condition;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import java.util.List;

/**
 * Organizations and their users. Administrators ({@code org-admin}) manage their organization's
 * users; other users may read only themselves and renew only their own secret. A user of another
 * organization is {@code USER_NOT_FOUND}, never {@code NOT_ALLOWED}.
 */
public interface ManageTenantsUseCase {
    /** For the operator, after {@link AuthenticateUseCase#authenticateOperator}. */
    OrganizationDescription createOrganization(CreateOrganizationCommand command);

    UserDescription addUser(Principal principal, AddUserCommand command);

    /**
     * The users the principal may see, those the condition holds for.
     *
     * @param where a CEQL condition on {@link dev.elements.core.tenant.UserFields#QUERYABLE}, or null for all
     * @throws dev.elements.core.error.PlatformException {@code INVALID_FIELD} when the condition names
     *     a field users do not have or compares one with a value of another type
     */
    List<User> users(Principal principal, Condition where);

    User user(Principal principal, UserId id);

    /** Administrators only; an organization keeps at least one active administrator. */
    User updateUser(Principal principal, UserId id, UpdateUserCommand command);

    /** A new secret, shown in this answer only; the old one stops working at once. */
    UserDescription regenerateSecret(Principal principal, UserId id);

    /**
     * For the operator, after {@link AuthenticateUseCase#authenticateOperator}: a new secret for the
     * user with this email address (compared without regard to case), shown in this answer only; the
     * old one stops working at once. For an administrator who lost theirs.
     *
     * @param organization the user's organization, or null when the address is that of one user only
     * @throws dev.elements.core.error.PlatformException {@code USER_NOT_FOUND} when no user has the
     *     address; {@code INVALID_FIELD} when users of several organizations have it and none is named
     */
    UserDescription resetSecret(String emailAddress, OrganizationId organization);

    /**
     * The user of the caller's organization with this email address, compared without regard to
     * case; as {@link #user}, others than themselves only for administrators.
     */
    User userByEmail(Principal principal, String emailAddress);

    /**
     * Removes a user: administrators any of their organization's, anyone themselves. The removed
     * user's secret stops working at once. An organization keeps at least one active administrator.
     */
    void deleteUser(Principal principal, UserId id);
}
