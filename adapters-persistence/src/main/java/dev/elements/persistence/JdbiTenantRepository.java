package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import dev.elements.core.port.out.TenantRepository;
import dev.elements.core.tenant.LastAdministrator;
import dev.elements.core.tenant.NewUser;
import dev.elements.core.tenant.Organization;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Organizations and users in the {@code organizations} and {@code users} tables, mapped and bound
 * as the records they are (see {@link StoredTypes}); neither has child rows, so each read is one
 * statement.
 */
public final class JdbiTenantRepository implements TenantRepository {
    private static final String USER_COLUMNS =
            "id, organization_id, email_address, first_name, last_name, role, active, secret_digest, created_at,"
                    + " version";

    /** Ids are positive, so no user has this one. */
    private static final long NO_USER = 0;

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiTenantRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Principal createOrganization(String name, SecretDigest organizationSecret, NewUser administrator) {
        requireNonNull(name, "name");
        requireNonNull(organizationSecret, "organizationSecret");
        requireNonNull(administrator, "administrator");
        Instant now = now();
        return jdbi.inTransaction(handle -> insertOrganization(handle, name, organizationSecret, administrator, now));
    }

    /**
     * The organization, its administrator and the one {@code bootstrap} row go in one transaction.
     * Racing nodes all get as far as the marker; its primary key makes the later ones wait for the
     * first to finish and then insert nothing, and they roll back their organization with it. The
     * check for existing organizations covers one created by {@link #createOrganization} without a
     * marker.
     */
    @Override
    public Optional<Principal> createFirstOrganization(String name, SecretDigest organizationSecret,
            NewUser administrator) {
        requireNonNull(name, "name");
        requireNonNull(organizationSecret, "organizationSecret");
        requireNonNull(administrator, "administrator");
        Instant now = now();
        try {
            return Optional.of(jdbi.inTransaction(handle -> {
                if (organizationExists(handle)) {
                    throw new AlreadyBootstrapped();
                }
                Principal first = insertOrganization(handle, name, organizationSecret, administrator, now);
                int marked = handle.createUpdate("""
                        INSERT INTO bootstrap (id, first_organization_id, created_at)
                        VALUES (1, :organizationId, :createdAt)
                        ON CONFLICT DO NOTHING""")
                        .bind("organizationId", first.organizationId())
                        .bind("createdAt", now)
                        .execute();
                if (marked == 0) {
                    throw new AlreadyBootstrapped();
                }
                return first;
            }));
        } catch (AlreadyBootstrapped e) {
            return Optional.empty();
        } catch (JdbiException e) {
            // Nodes configured with the same bootstrap secrets collide on the secret digests
            // before they reach the marker; the loser of that race has nothing to create either.
            if (UniqueViolations.isUniqueViolation(e) && bootstrapped()) {
                return Optional.empty();
            }
            throw RedactedFailures.redacted("Creating the first organization", e);
        }
    }

    private boolean bootstrapped() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM bootstrap")
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
    }

    /** Ends the first-organization transaction with a rollback: another one is there already. */
    private static final class AlreadyBootstrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyBootstrapped() {
            super("The first organization exists already", null, false, false);
        }
    }

    private Principal insertOrganization(Handle handle, String name, SecretDigest organizationSecret,
            NewUser administrator, Instant now) {
        long id = handle.createUpdate(
                "INSERT INTO organizations (name, secret_digest, created_at) VALUES (:name, :secretDigest, :createdAt)")
                .bind("name", name)
                .bind("secretDigest", organizationSecret)
                .bind("createdAt", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        Organization organization = new Organization(new OrganizationId(id), name, organizationSecret, now);
        return new Principal(organization, insertUser(handle, organization.id(), administrator, now));
    }

    private static boolean organizationExists(Handle handle) {
        return handle.createQuery("SELECT id FROM organizations LIMIT 1").mapTo(Long.class).findFirst().isPresent();
    }

    @Override
    public boolean hasOrganizations() {
        return jdbi.withHandle(JdbiTenantRepository::organizationExists);
    }

    @Override
    public Optional<Organization> findOrganization(OrganizationId id) {
        requireNonNull(id, "id");
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT id, name, secret_digest, created_at FROM organizations WHERE id = :id")
                .bind("id", id)
                .mapTo(Organization.class)
                .findOne());
    }

    @Override
    public Optional<User> findUserBySecret(SecretDigest userSecret) {
        requireNonNull(userSecret, "userSecret");
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT " + USER_COLUMNS + " FROM users WHERE secret_digest = :secretDigest AND deleted_id = 0")
                .bind("secretDigest", userSecret)
                .mapTo(User.class)
                .findOne());
    }

    @Override
    public Optional<User> findUser(OrganizationId organization, UserId id) {
        requireNonNull(organization, "organization");
        requireNonNull(id, "id");
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT " + USER_COLUMNS + " FROM users WHERE id = :id AND organization_id = :organizationId AND deleted_id = 0")
                .bind("id", id)
                .bind("organizationId", organization)
                .mapTo(User.class)
                .findOne());
    }

    @Override
    public List<User> users(OrganizationId organization) {
        requireNonNull(organization, "organization");
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT " + USER_COLUMNS + " FROM users WHERE organization_id = :organizationId AND deleted_id = 0"
                        + " ORDER BY id")
                .bind("organizationId", organization)
                .mapTo(User.class)
                .list());
    }

    @Override
    public List<User> usersByEmail(String emailAddress) {
        requireNonNull(emailAddress, "emailAddress");
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT " + USER_COLUMNS + " FROM users WHERE email_address_key = LOWER(:emailAddress) AND deleted_id = 0"
                        + " ORDER BY id")
                .bind("emailAddress", emailAddress)
                .mapTo(User.class)
                .list());
    }

    @Override
    public User addUser(OrganizationId organization, NewUser user) {
        requireNonNull(organization, "organization");
        requireNonNull(user, "user");
        Instant now = now();
        try {
            return jdbi.inTransaction(handle -> insertUser(handle, organization, user, now));
        } catch (StatementException e) {
            throw emailTakenOr(e, organization, user.emailAddress(), NO_USER);
        }
    }

    /**
     * The creation time is the storage's, assigned once; everything a user can change is replaced,
     * onto the version it was read at. When the new user is not an active org-admin, the
     * organization's row is locked first (PostgreSQL and H2 alike), so that updates which could
     * remove an org-admin run one at a time and each sees the others' outcome in its check.
     */
    @Override
    public boolean updateUser(User user) {
        requireNonNull(user, "user");
        try {
            return jdbi.inTransaction(handle -> {
                if (!user.activeAdministrator()) {
                    refuseRemovingTheLastAdministrator(handle, user);
                }
                return handle.createUpdate("""
                        UPDATE users
                           SET email_address = :emailAddress, email_address_key = LOWER(:emailAddress),
                               first_name = :firstName, last_name = :lastName, role = :role, active = :active,
                               secret_digest = :secretDigest, version = version + 1
                         WHERE id = :id AND organization_id = :organizationId AND version = :version
                           AND deleted_id = 0""")
                        .bindMethods(user)
                        .execute() == 1;
            });
        } catch (StatementException e) {
            throw emailTakenOr(e, user.organizationId(), user.emailAddress(), user.id().value());
        }
    }

    /**
     * The row stays, out of every read and inactive, because the instances the user created name
     * it; the organization's row is locked first, as for an update that removes an org-admin.
     */
    @Override
    public boolean deleteUser(User user) {
        requireNonNull(user, "user");
        return jdbi.inTransaction(handle -> {
            refuseRemovingTheLastAdministrator(handle, user);
            return handle.createUpdate("""
                    UPDATE users SET active = FALSE, deleted_id = id, version = version + 1
                     WHERE id = :id AND organization_id = :organizationId AND version = :version
                       AND deleted_id = 0""")
                    .bind("id", user.id())
                    .bind("organizationId", user.organizationId())
                    .bind("version", user.version())
                    .execute() == 1;
        });
    }

    private static void refuseRemovingTheLastAdministrator(Handle handle, User user) {
        handle.createQuery("SELECT id FROM organizations WHERE id = :organizationId FOR UPDATE")
                .bind("organizationId", user.organizationId())
                .mapTo(Long.class)
                .findOne();
        boolean removesAnAdministrator = handle.createQuery("""
                SELECT COUNT(*) FROM users
                 WHERE id = :id AND organization_id = :organizationId AND version = :version
                   AND deleted_id = 0 AND active AND role = :administrator""")
                .bind("id", user.id())
                .bind("organizationId", user.organizationId())
                .bind("version", user.version())
                .bind("administrator", Role.ORG_ADMIN)
                .mapTo(Long.class)
                .one() > 0;
        if (!removesAnAdministrator) {
            return;
        }
        long otherAdministrators = handle.createQuery("""
                SELECT COUNT(*) FROM users
                 WHERE organization_id = :organizationId AND id <> :id AND deleted_id = 0 AND active
                   AND role = :administrator""")
                .bind("id", user.id())
                .bind("organizationId", user.organizationId())
                .bind("administrator", Role.ORG_ADMIN)
                .mapTo(Long.class)
                .one();
        if (otherAdministrators == 0) {
            throw LastAdministrator.refused();
        }
    }

    private User insertUser(Handle handle, OrganizationId organization, NewUser user, Instant now) {
        // LOWER in SQL rather than in Java, so that the key always agrees with the table's check.
        long id = handle.createUpdate("""
                INSERT INTO users (organization_id, email_address, email_address_key, first_name, last_name, role,
                                   active, secret_digest, created_at)
                VALUES (:organizationId, :emailAddress, LOWER(:emailAddress), :firstName, :lastName, :role,
                        TRUE, :secretDigest, :createdAt)""")
                .bindMethods(user)
                .bind("organizationId", organization)
                .bind("createdAt", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new User(new UserId(id), organization, user.emailAddress(), user.firstName(), user.lastName(),
                user.role(), true, user.secretDigest(), now, 0);
    }

    /**
     * A unique violation may also come from the secret digest; only a taken address is the
     * caller's {@code ALREADY_EXISTS}. The check runs after the failed transaction has ended,
     * because PostgreSQL refuses further statements inside it.
     */
    private RuntimeException emailTakenOr(StatementException failure, OrganizationId organization, String email,
            long userBeingWritten) {
        if (UniqueViolations.isUniqueViolation(failure) && emailTaken(organization, email, userBeingWritten)) {
            return new PlatformException(ErrorCode.ALREADY_EXISTS,
                    "A user with email address " + RequestValues.quote(email) + " exists already");
        }
        return failure;
    }

    private boolean emailTaken(OrganizationId organization, String email, long otherThan) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT id FROM users
                 WHERE organization_id = :organizationId AND email_address_key = LOWER(:emailAddress)
                   AND id <> :otherThan AND deleted_id = 0""")
                .bind("organizationId", organization)
                .bind("emailAddress", email)
                .bind("otherThan", otherThan)
                .mapTo(Long.class)
                .findFirst()
                .isPresent());
    }

    /** Truncated to what the table keeps, so that what is returned equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
