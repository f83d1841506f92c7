package dev.elements.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.elements.app.config.DatabaseSettings;
import dev.elements.app.config.ElementSettings;
import dev.elements.app.config.EventSettings;
import dev.elements.app.config.ProviderSettings;
import dev.elements.app.config.SecuritySettings;
import dev.elements.app.inject.CoreModule;
import dev.elements.app.inject.ElementsModule;
import dev.elements.app.inject.PersistenceModule;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.port.in.KeyInventory;
import dev.elements.core.port.in.KeyRotationReport;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.persistence.PersistenceStartupException;
import dev.elements.persistence.PersistenceStore;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code java -jar elements.jar keys status|rotate}: the operator's procedure for the keys that
 * protect stored credentials. It runs beside live servers on the same database and settings.
 */
final class KeysCommand {
    static final String USAGE = "Usage: java -jar elements.jar [keys status | keys rotate]";

    private final DatabaseSettings database;
    private final SecuritySettings security;
    private final PrintStream out;

    KeysCommand(DatabaseSettings database, SecuritySettings security, PrintStream out) {
        this.database = requireNonNull(database, "database");
        this.security = requireNonNull(security, "security");
        this.out = requireNonNull(out, "out");
    }

    /** @return whether the action was known */
    boolean run(String action) {
        if (!action.equals("rotate") && !action.equals("status")) {
            return false;
        }
        // Key management calls no provider and delivers no event, so the element and event settings
        // of a server do not matter.
        Injector injector = Guice.createInjector(new ElementsModule(ElementSettings.none()),
                PersistenceModule.forMaintenance(database, security),
                new CoreModule(OperatorOverrides.none(), new ProviderSettings(ProviderSettings.DEFAULT_TIMEOUT),
                        security, new EventSettings(EventSettings.DEFAULT_PERIOD, true), Clock.systemUTC()));
        PersistenceStore store = open(injector);
        try {
            ManageCredentialKeysUseCase keys = injector.getInstance(ManageCredentialKeysUseCase.class);
            if (action.equals("rotate")) {
                KeyRotationReport report = keys.rotate();
                out.println("Rotated the credential keys: key " + report.primaryKeyId() + " is primary (was "
                        + report.previousPrimaryKeyId() + "); " + report.keysInKeyset() + " keys in the keyset.");
                out.println("Re-encrypted " + report.instanceSecretsReencrypted() + " instance secrets and "
                        + report.idempotencyAnswersReencrypted() + " idempotency answers in " + report.passes()
                        + " passes; " + report.secretsLeftUnopened() + " rows could not be opened and were left as they were.");
            }
            KeyInventory status = keys.inventory();
            out.println("Primary key: " + status.primaryKeyId() + "; keys: " + String.join(", ", status.keyIds()));
            out.println("Instance secrets per key: " + status.instanceSecretsByKeyId());
            out.println("Idempotency answers per key: " + status.idempotencyAnswersByKeyId());
            out.println("Rows under older keys: " + status.secretsUnderOlderKeys());
        } finally {
            store.close();
        }
        return true;
    }

    /** The store first: a database that cannot be opened is reported as such, before core is built. */
    private PersistenceStore open(Injector injector) {
        try {
            return injector.getInstance(PersistenceStore.class);
        } catch (ProvisionException provision) {
            if (!(provision.getCause() instanceof PersistenceStartupException e)) {
                throw provision;
            }
            if (database.embedded()) {
                // Only one process can open the embedded database: the running server has it.
                throw new PersistenceStartupException("The embedded database in " + database.dataDirectory()
                        + " cannot be opened (" + e.getMessage() + "). If a server is running on it, rotate"
                        + " through the server instead: POST /elements/api-v2/operator/keys/rotate with"
                        + " Authorization: Operator <ELEMENTS_OPERATOR_SECRET>; or stop the server first.", e);
            }
            throw e;
        }
    }
}
