package dev.elements.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.json.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dropped members named {@code outer/inner}: only where they sit inside {@code outer}. */
class CredentialScrubberNestedMembersTest {
    private final CredentialScrubber scrubber = CredentialScrubber.of("s3cret").dropping(Set.of("paging/next"));

    @Test
    void aNestedNameDropsTheMemberOnlyInsideItsHolderAtAnyDepth() {
        String answer = "{\"next\":\"kept\",\"paging\":{\"next\":\"https://x/?t=s3cret\",\"cursors\":{\"after\":\"a\"}},"
                + "\"friends\":{\"data\":[{\"paging\":{\"next\":\"u\",\"previous\":\"p\"}}],\"paging\":{\"next\":\"u\"}},"
                + "\"other\":{\"next\":\"kept too\"},\"access_token\":\"s3cret\"}";

        assertThat(scrubber.scrub(Json.parse(answer)).toJson()).isEqualTo(
                "{\"next\":\"kept\",\"paging\":{\"cursors\":{\"after\":\"a\"}},"
                        + "\"friends\":{\"data\":[{\"paging\":{\"previous\":\"p\"}}],\"paging\":{}},"
                        + "\"other\":{\"next\":\"kept too\"}}");
    }

    @Test
    void plainNamesAreStillDroppedEverywhereAndSecretsMasked() {
        CredentialScrubber plain = CredentialScrubber.of("s3cret").dropping(Set.of("secret_member"));

        assertThat(plain.scrub(Json.parse("[{\"a\":{\"secret_member\":1,\"b\":\"x s3cret\"}}]")).toJson())
                .isEqualTo("[{\"a\":{\"b\":\"x " + CredentialScrubber.MASK + "\"}}]");
    }
}
