package dev.elements.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.element.ElementKey;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.port.out.DataDeletions;
import dev.elements.core.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DataDeletions} must do; storages extend this class. */
public abstract class DataDeletionsContract {
    private static final ElementKey FACEBOOK = ElementKey.of("facebooksocial");
    private static final String CODE = "0123456789abcdef0123456789abcdef";

    private DataDeletions deletions;

    /** An empty store. */
    protected abstract DataDeletions emptyStore();

    @BeforeEach
    void anEmptyStore() {
        deletions = emptyStore();
    }

    @Test
    void aRecordedDeletionIsFoundByItsElementAndCode() {
        DataDeletion deletion = new DataDeletion(CODE, FACEBOOK, Fixtures.NOW, 2, 37);

        deletions.record(deletion);

        assertThat(deletions.find(FACEBOOK, CODE)).contains(deletion);
        assertThat(deletions.find(ElementKey.of("twitter"), CODE)).isEmpty();
        assertThat(deletions.find(FACEBOOK, "fedcba9876543210fedcba9876543210")).isEmpty();
    }

    @Test
    void aConfirmationCodeIsRecordedOnce() {
        DataDeletion deletion = new DataDeletion(CODE, FACEBOOK, Fixtures.NOW, 0, 0);
        deletions.record(deletion);

        assertThatThrownBy(() -> deletions.record(new DataDeletion(CODE, FACEBOOK, Fixtures.NOW.plusSeconds(1), 1, 1)))
                .isInstanceOf(RuntimeException.class);
        assertThat(deletions.find(FACEBOOK, CODE)).contains(deletion);
    }
}
