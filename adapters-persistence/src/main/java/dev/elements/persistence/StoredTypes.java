package dev.elements.persistence;

import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.port.out.ProviderUsageLedger.UsageReading;
import dev.elements.core.tenant.Organization;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.User;
import dev.elements.core.tenant.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * How core's values are stored, taught to JDBI once: ids as BIGINT, digests, keys and roles as
 * their strings, instants as BIGINT epoch milliseconds (the one time type H2 and PostgreSQL agree
 * on, replacing JDBI's timestamps; the schema has none). With these, the flat records are bound by
 * their methods and mapped by their constructors, column names matched in snake case. Instances
 * keep a row mapper of their own ({@link InstanceRowMapper}): their nested credential state,
 * sealed secrets and child tables are more than a constructor mapper can see.
 */
final class StoredTypes extends JdbiPlugin.Singleton {
    @Override
    public void customizeJdbi(Jdbi jdbi) {
        stored(jdbi, InstanceId.class, Types.BIGINT, InstanceId::value, (row, column) -> new InstanceId(row.getLong(column)));
        stored(jdbi, OrganizationId.class, Types.BIGINT, OrganizationId::value,
                (row, column) -> new OrganizationId(row.getLong(column)));
        stored(jdbi, UserId.class, Types.BIGINT, UserId::value, (row, column) -> new UserId(row.getLong(column)));
        stored(jdbi, SecretDigest.class, Types.VARCHAR, SecretDigest::hex,
                (row, column) -> new SecretDigest(row.getString(column)));
        stored(jdbi, ElementKey.class, Types.VARCHAR, ElementKey::value,
                (row, column) -> ElementKey.of(row.getString(column)));
        stored(jdbi, Role.class, Types.VARCHAR, Role::key, (row, column) -> role(row.getString(column)));
        stored(jdbi, Instant.class, Types.BIGINT, Instant::toEpochMilli,
                (row, column) -> Instant.ofEpochMilli(row.getLong(column)));
        jdbi.registerRowMapper(ConstructorMapper.factory(Organization.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(User.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(UsageReading.class));
    }

    /** A column a mapper reads; called only when the column is not NULL. */
    private interface ColumnReader<T> {
        T read(ResultSet row, int column) throws SQLException;
    }

    private static <T> void stored(Jdbi jdbi, Class<T> type, int sqlType, Function<T, Object> toColumn,
            ColumnReader<T> fromColumn) {
        // Preparable, as JDBI's own factories are, so that this one is asked before them (JDBI's
        // Instant would otherwise be bound as a timestamp). Assignable rather than equal: an enum
        // constant with a body is a subclass of its enum.
        jdbi.registerArgument((ArgumentFactory.Preparable) (argumentType, config) ->
                argumentType instanceof Class<?> bound && type.isAssignableFrom(bound)
                        ? Optional.of(value -> argument(sqlType, value == null ? null : toColumn.apply(type.cast(value))))
                        : Optional.empty());
        jdbi.registerColumnMapper(type, (ColumnMapper<T>) (row, column, context) -> {
            row.getObject(column); // only to learn whether it is NULL: core's values refuse null
            return row.wasNull() ? null : fromColumn.read(row, column);
        });
    }

    private static Argument argument(int sqlType, Object stored) {
        return (position, statement, context) -> {
            if (stored == null) {
                statement.setNull(position, sqlType);
            } else {
                statement.setObject(position, stored, sqlType);
            }
        };
    }

    private static Role role(String key) {
        return Role.fromKey(key).orElseThrow(() -> new IllegalStateException("Unknown role stored: " + key));
    }
}
