package dev.elements.persistence;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.port.out.DataDeletions;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/** Data deletion records in {@code data_deletions}, so a status page answers on every node. */
public final class JdbiDataDeletions implements DataDeletions {
    private static final RowMapper<DataDeletion> DELETION = (row, context) -> new DataDeletion(
            row.getString("confirmation_code"),
            ElementKey.of(row.getString("element_key")),
            EpochMillis.read(row, "requested_at"),
            row.getInt("instances_cleared"),
            row.getInt("events_deleted"));

    private final Jdbi jdbi;

    JdbiDataDeletions(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void record(DataDeletion deletion) {
        requireNonNull(deletion, "deletion");
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                    INSERT INTO data_deletions
                           (confirmation_code, element_key, requested_at, instances_cleared, events_deleted)
                    VALUES (:confirmationCode, :elementKey, :requestedAt, :instancesCleared, :eventsDeleted)""")
                    .bindMethods(deletion)
                    .execute());
        } catch (JdbiException e) {
            // A duplicate's message would quote the confirmation code, the status page's only key.
            throw RedactedFailures.redacted("Recording a data deletion of element " + deletion.elementKey(), e);
        }
    }

    @Override
    public Optional<DataDeletion> find(ElementKey element, String confirmationCode) {
        requireNonNull(element, "element");
        requireNonNull(confirmationCode, "confirmationCode");
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT confirmation_code, element_key, requested_at, instances_cleared, events_deleted
                  FROM data_deletions WHERE confirmation_code = :code AND element_key = :element""")
                .bind("code", confirmationCode)
                .bind("element", element)
                .map(DELETION)
                .findOne());
    }
}
