package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SanitizerTest {
    /** The expressions the stripping used to be, kept as the statement of what it does. */
    private static final Pattern OLD_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern OLD_SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");

    /** Daemon threads, so that a stripping that never ends cannot keep the test JVM alive. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sanitizer-test");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private static String oldStripHtml(String text) {
        String withoutScripts = OLD_SCRIPT.matcher(text).replaceAll("");
        return OLD_TAG.matcher(withoutScripts).replaceAll("").replace("<", "").replace(">", "").trim();
    }

    @Test
    void tagsScriptsStylesAndStrayBracketsGoAndTheTextStays() {
        assertThat(Sanitizer.stripHtml("<b>Bold</b> page")).isEqualTo("Bold page");
        assertThat(Sanitizer.stripHtml("<script>alert(1)</script>My page")).isEqualTo("My page");
        assertThat(Sanitizer.stripHtml("<SCRIPT type=x>alert(1)</script >My page")).isEqualTo("My page");
        assertThat(Sanitizer.stripHtml("<style>p{}</StYlE\n>My <i>page</i>")).isEqualTo("My page");
        assertThat(Sanitizer.stripHtml("<img src=x onerror=alert(1)>a < b > c")).isEqualTo("a  c");
        assertThat(Sanitizer.stripHtml("<script>never closed")).isEqualTo("never closed");
        assertThat(Sanitizer.stripHtml("  plain  ")).isEqualTo("plain");
        assertThat(Sanitizer.stripHtml("<ſcript>x</ſcript>y")).as("(?i) is ASCII only").isEqualTo("xy");
    }

    @Test
    void theSinglePassesAnswerWhatTheExpressionsAnsweredOnThousandsOfAwkwardStrings() {
        List<String> pieces = List.of("<", ">", "/", " ", "\n", "a", "<script", "</script", "<style", "</STYLE",
                "<sCrIpT x", "</", "script", "style", "x>", "<b>", "</b>");
        Random random = new Random(9);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String input = text.toString();
            assertThat(Sanitizer.stripHtml(input)).as(input).isEqualTo(oldStripHtml(input));
        }
    }

    @Test
    void aMebibyteOfHostileMarkupIsStrippedPromptly() throws Exception {
        int mebibyte = 1 << 20;
        for (String hostile : List.of("<", "<script>", "<script></scrip", "</script", "<style <", "<a")) {
            String text = hostile.repeat(mebibyte / hostile.length());
            Future<String> stripped = worker.submit(() -> Sanitizer.stripHtml(text));

            // A generous deadline, not a measurement: the expressions needed about 40 minutes for this.
            assertThat(stripped.get(5, TimeUnit.SECONDS)).as(hostile).doesNotContain("<", ">");
        }
    }
}
