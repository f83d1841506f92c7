package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.connect.ConnectSession;
import dev.elements.core.connect.ConnectSessionStatus;
import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.Sealed;
import dev.elements.core.port.out.ConnectSessions;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Hosted connect sessions in {@code connect_sessions}, shared by every node. Each change is one
 * UPDATE whose WHERE names the row as it must be before (state unused, status PENDING, the token
 * read), so its count says whether this caller, of all callers on all nodes, made it.
 */
public final class JdbiConnectSessions implements ConnectSessions {
    private static final String COLUMNS = """
            id, organization_id, owner_user_id, element_key, name, tags, redirect_url, configuration_key_id,
            configuration, state, state_used, status, instance_id, element_token_key_id, element_token, failure,
            created_at, expires_at""";
    private static final RowMapper<ConnectSession> SESSION = (row, context) -> new ConnectSession(
            row.getString("id"), new OrganizationId(row.getLong("organization_id")),
            new UserId(row.getLong("owner_user_id")), ElementKey.of(row.getString("element_key")),
            row.getString("name"), tags(row.getString("tags")), row.getString("redirect_url"),
            new Sealed(row.getString("configuration_key_id"), row.getBytes("configuration")),
            row.getString("state"), row.getBoolean("state_used"),
            ConnectSessionStatus.valueOf(row.getString("status")), instance(row), elementToken(row),
            failure(row.getString("failure")), EpochMillis.read(row, "created_at"),
            EpochMillis.read(row, "expires_at"));

    private final Jdbi jdbi;

    public JdbiConnectSessions(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void insert(ConnectSession session, Instant forgetBefore) {
        requireNonNull(session, "session");
        requireNonNull(forgetBefore, "forgetBefore");
        use("Keeping a connect session", handle -> {
            handle.createUpdate("DELETE FROM connect_sessions WHERE expires_at < :before")
                    .bind("before", forgetBefore)
                    .execute();
            return handle.createUpdate("INSERT INTO connect_sessions (" + COLUMNS + """
                    ) VALUES (:id, :organization, :owner, :element, :name, :tags, :redirectUrl, :configuration.keyId,
                              :configuration.ciphertext, :state, :stateUsed, :status, :instance, :tokenKeyId, :token,
                              :failure, :createdAt, :expiresAt)""")
                    .bind("id", session.id())
                    .bind("organization", session.organization())
                    .bind("owner", session.owner())
                    .bind("element", session.element())
                    .bind("name", session.name())
                    .bind("tags", tags(session.tags()))
                    .bind("redirectUrl", session.redirectUrl())
                    .bindMethods("configuration", session.configuration())
                    .bind("state", session.state())
                    .bind("stateUsed", session.stateUsed())
                    .bind("status", session.status().name())
                    .bind("instance", session.instance())
                    .bind("tokenKeyId", session.elementToken() == null ? null : session.elementToken().keyId())
                    .bind("token", session.elementToken() == null ? null : session.elementToken().ciphertext())
                    .bind("failure", session.failure() == null ? null : session.failure().name())
                    .bind("createdAt", session.createdAt())
                    .bind("expiresAt", session.expiresAt())
                    .execute();
        });
    }

    @Override
    public Optional<ConnectSession> find(String id) {
        requireNonNull(id, "id");
        return read("SELECT " + COLUMNS + " FROM connect_sessions WHERE id = :value", id);
    }

    @Override
    public Optional<ConnectSession> findByState(String state) {
        requireNonNull(state, "state");
        return read("SELECT " + COLUMNS + " FROM connect_sessions WHERE state = :value", state);
    }

    @Override
    public boolean useState(String id, String state) {
        return changed("Using a connect session's state", handle -> handle.createUpdate("""
                UPDATE connect_sessions SET state_used = TRUE
                 WHERE id = :id AND state = :state AND state_used = FALSE AND status = 'PENDING'""")
                .bind("id", requireNonNull(id, "id"))
                .bind("state", requireNonNull(state, "state"))
                .execute());
    }

    @Override
    public boolean connected(String id, InstanceId instance, Sealed elementToken) {
        requireNonNull(instance, "instance");
        requireNonNull(elementToken, "elementToken");
        return changed("Connecting a connect session", handle -> handle.createUpdate("""
                UPDATE connect_sessions
                   SET status = 'CONNECTED', instance_id = :instance, element_token_key_id = :token.keyId,
                       element_token = :token.ciphertext
                 WHERE id = :id AND status = 'PENDING'""")
                .bind("id", requireNonNull(id, "id"))
                .bind("instance", instance)
                .bindMethods("token", elementToken)
                .execute());
    }

    @Override
    public boolean failed(String id, ConnectFailure failure) {
        requireNonNull(failure, "failure");
        return changed("Failing a connect session", handle -> handle.createUpdate("""
                UPDATE connect_sessions SET status = 'FAILED', failure = :failure
                 WHERE id = :id AND status = 'PENDING'""")
                .bind("id", requireNonNull(id, "id"))
                .bind("failure", failure.name())
                .execute());
    }

    @Override
    public boolean removeElementToken(String id, Sealed token) {
        requireNonNull(token, "token");
        return changed("Removing a connect session's element token", handle -> handle.createUpdate("""
                UPDATE connect_sessions SET element_token_key_id = NULL, element_token = NULL
                 WHERE id = :id AND element_token_key_id = :token.keyId AND element_token = :token.ciphertext""")
                .bind("id", requireNonNull(id, "id"))
                .bindMethods("token", token)
                .execute());
    }

    private Optional<ConnectSession> read(String sql, String value) {
        return use("Reading a connect session", handle -> handle.createQuery(sql)
                .bind("value", value)
                .map(SESSION)
                .findOne());
    }

    private boolean changed(String what, Function<Handle, Integer> update) {
        return use(what, update) == 1;
    }

    private <T> T use(String what, Function<Handle, T> work) {
        try {
            return jdbi.withHandle(work::apply);
        } catch (JdbiException e) {
            throw RedactedFailures.redacted(what, e);
        }
    }

    private static InstanceId instance(ResultSet row) throws SQLException {
        long id = row.getLong("instance_id");
        return row.wasNull() ? null : new InstanceId(id);
    }

    private static Sealed elementToken(ResultSet row) throws SQLException {
        String keyId = row.getString("element_token_key_id");
        return keyId == null ? null : new Sealed(keyId, row.getBytes("element_token"));
    }

    private static ConnectFailure failure(String stored) {
        return stored == null ? null : ConnectFailure.valueOf(stored);
    }

    /** Each tag as {@code <length>:<tag>}: no character of a tag needs escaping. */
    private static String tags(List<String> tags) {
        StringBuilder stored = new StringBuilder();
        tags.forEach(tag -> stored.append(tag.length()).append(':').append(tag));
        return stored.toString();
    }

    private static List<String> tags(String stored) {
        List<String> tags = new ArrayList<>();
        int position = 0;
        while (position < stored.length()) {
            int colon = stored.indexOf(':', position);
            int length = Integer.parseInt(stored.substring(position, colon));
            tags.add(stored.substring(colon + 1, colon + 1 + length));
            position = colon + 1 + length;
        }
        return tags;
    }
}
