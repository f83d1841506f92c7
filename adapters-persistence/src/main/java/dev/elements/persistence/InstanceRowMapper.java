package dev.elements.persistence;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.CredentialState;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.instance.Sealed;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A whole instance from one row of {@link #SELECT_INSTANCES}: its columns and its aggregated children. */
final class InstanceRowMapper implements RowMapper<Instance> {
    /** Followed by a WHERE clause on {@code instances}, whose columns it may name unqualified. */
    static final String SELECT_INSTANCES = """
            SELECT id, organization_id, owner_user_id, element_key, name, provider_account_id, token_digest,
                   disabled, status, status_reason, last_renewed_at, token_expires_at, next_renewal_at,
                   consecutive_failures, secrets_key_id, secrets_ciphertext, created_at, updated_at, version,
            """ + InstanceChildren.AGGREGATED_COLUMNS + """

              FROM instances""";

    @Override
    public Instance map(ResultSet row, StatementContext context) throws SQLException {
        InstanceChildren children = InstanceChildren.read(row);
        return new Instance(
                new InstanceId(row.getLong("id")),
                new OrganizationId(row.getLong("organization_id")),
                new UserId(row.getLong("owner_user_id")),
                ElementKey.of(row.getString("element_key")),
                row.getString("name"),
                children.tags(),
                children.configuration(),
                new Sealed(row.getString("secrets_key_id"), row.getBytes("secrets_ciphertext")),
                row.getString("provider_account_id"),
                new SecretDigest(row.getString("token_digest")),
                row.getBoolean("disabled"),
                new CredentialState(
                        InstanceStatus.valueOf(row.getString("status")),
                        row.getString("status_reason"),
                        EpochMillis.read(row, "last_renewed_at"),
                        EpochMillis.read(row, "token_expires_at"),
                        EpochMillis.read(row, "next_renewal_at"),
                        row.getInt("consecutive_failures")),
                EpochMillis.read(row, "created_at"),
                EpochMillis.read(row, "updated_at"),
                row.getLong("version"));
    }
}
