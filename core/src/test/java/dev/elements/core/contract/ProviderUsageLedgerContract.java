package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.port.out.ProviderUsageLedger;
import dev.elements.core.port.out.ProviderUsageLedger.UsageReading;
import dev.elements.core.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProviderUsageLedger} must do; storages extend this class. */
public abstract class ProviderUsageLedgerContract {
    private static final Instant NOW = Fixtures.NOW;

    private ProviderUsageLedger ledger;

    protected abstract ProviderUsageLedger emptyLedger();

    @BeforeEach
    void empty() {
        ledger = emptyLedger();
    }

    @Test
    void keepsTheLatestReadingPerBucket() {
        assertThat(ledger.latest("facebooksocial:app:1")).isEmpty();

        ledger.record(new UsageReading("facebooksocial:app:1", 80, NOW, null));
        ledger.record(new UsageReading("facebooksocial:app:1", 97, NOW.plusSeconds(5), NOW.plusSeconds(600)));
        ledger.record(new UsageReading("facebooksocial:app:2", 12, NOW, null));

        assertThat(ledger.latest("facebooksocial:app:1"))
                .contains(new UsageReading("facebooksocial:app:1", 97, NOW.plusSeconds(5), NOW.plusSeconds(600)));
        assertThat(ledger.latest("facebooksocial:app:2"))
                .contains(new UsageReading("facebooksocial:app:2", 12, NOW, null));
    }

    @Test
    void anOlderReadingNeverReplacesANewerOne() {
        ledger.record(new UsageReading("bucket", 60, NOW.plusSeconds(10), null));
        ledger.record(new UsageReading("bucket", 99, NOW, NOW.plusSeconds(300)));

        assertThat(ledger.latest("bucket")).contains(new UsageReading("bucket", 60, NOW.plusSeconds(10), null));
    }
}
