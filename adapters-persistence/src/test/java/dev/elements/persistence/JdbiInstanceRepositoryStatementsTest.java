package dev.elements.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.instance.Instance;
import dev.elements.core.instance.Sealed;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.testing.Fixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the instance repository asks of the database, beyond what the contract can see. */
class JdbiInstanceRepositoryStatementsTest {
    @TempDir
    Path dataDirectory;

    private PersistenceStore store;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Instance instance;

    @BeforeEach
    void open() {
        store = TestStores.openH2(dataDirectory, TestStores.newMasterKey());
        Principal owner = store.tenants().createOrganization("One", SecretDigest.of(Fixtures.secret()),
                Fixtures.newUser("admin@one.example", Role.ORG_ADMIN));
        instance = Fixtures.instance(store.instances().nextId(), owner.organizationId(), owner.user().id(), "page",
                List.of("a", "b")).change().configuration(Map.of("page.id", "1")).at(Fixtures.NOW);
        store.instances().insert(instance);
        store.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRawSql());
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readsAnInstanceWithItsChildrenInOneStatement() {
        assertThat(store.instances().findById(instance.id())).contains(instance);
        assertThat(store.instances().findByTokenDigest(instance.tokenDigest())).contains(instance);

        assertThat(statements).hasSize(2);
    }

    @Test
    void looksATokenUpInTheDatabaseOnceUntilTheInstanceChanges() {
        assertThat(store.instances().findByTokenDigest(instance.tokenDigest())).contains(instance);
        assertThat(store.instances().findByTokenDigest(instance.tokenDigest())).contains(instance);
        assertThat(statements).as("the second lookup came from the cache").hasSize(1);

        Instance renamed = instance.change().name("renamed").at(Fixtures.NOW);
        assertThat(store.instances().update(renamed)).isTrue();
        statements.clear();
        assertThat(store.instances().findByTokenDigest(instance.tokenDigest())).contains(renamed);
        assertThat(store.instances().findByTokenDigest(instance.tokenDigest())).contains(renamed);
        assertThat(statements).hasSize(1);
    }

    @Test
    void rewritesTagsAndConfigurationOnlyWhenTheyChanged() {
        Instance renewed = instance.change().secrets(new Sealed("key-2", new byte[] {7})).at(Fixtures.NOW);
        assertThat(store.instances().update(renewed)).isTrue();
        assertThat(statements).noneMatch(sql -> sql.contains("instance_tags") && !sql.contains("ARRAY_AGG"));

        Instance retagged = renewed.change().tags(List.of("c")).at(Fixtures.NOW);
        assertThat(store.instances().update(retagged)).isTrue();

        assertThat(store.instances().findById(instance.id())).contains(retagged);
        assertThat(statements).anyMatch(sql -> sql.startsWith("DELETE FROM instance_tags"))
                .noneMatch(sql -> sql.startsWith("DELETE FROM instance_configuration"));
    }

    @Test
    void leavesInstancesLeasedByAnotherCallerOutOfTheDueOnes() {
        Instant due = instance.credentials().nextRenewalAt().plusSeconds(1);
        assertThat(store.instances().dueForRenewal(due, 10)).containsExactly(instance.id());

        assertThat(store.refreshLeases().tryAcquire(instance.id(), "other node", due, due.plusSeconds(60))).isTrue();

        assertThat(store.instances().dueForRenewal(due, 10)).isEmpty();
        assertThat(store.instances().dueForRenewal(due.plusSeconds(61), 10)).containsExactly(instance.id());
    }
}
