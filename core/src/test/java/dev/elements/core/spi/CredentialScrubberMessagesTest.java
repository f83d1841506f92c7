package dev.elements.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import org.junit.jupiter.api.Test;

/** A provider's long message is masked before it is shortened, so no cut leaves part of a token. */
class CredentialScrubberMessagesTest {

    @Test
    void aTokenThatStraddlesTheCutIsMaskedWholeBeforeTheMessageIsShortened() {
        String token = "EAAB-a-long-provider-token-0123456789";
        String message = "x".repeat(CredentialScrubber.LONGEST_MESSAGE - 5) + token + " and more";

        ProviderException scrubbed = CredentialScrubber.of(token).scrub(
                new ProviderException(ProviderError.of(ProviderErrorClass.BAD_REQUEST, message)));

        String kept = scrubbed.error().providerMessage();
        assertThat(kept).hasSize(CredentialScrubber.LONGEST_MESSAGE).doesNotContain(token.substring(0, 4))
                .endsWith("x*****");
    }
}
