package dev.elements.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Searches files and text for secret values byte for byte. */
public final class Canaries {
    private Canaries() {
    }

    /** Every file below {@code directory} that contains {@code value}. */
    public static List<Path> filesContaining(Path directory, String value) {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(file), needle)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Asserts no secret appears in the data directory or the log, after checking that the search
     * finds a value that is stored plainly, so the assertion cannot pass by searching nothing.
     */
    static void assertAbsent(Path dataDirectory, String log, String plainlyStored, List<String> secrets) {
        assertThat(filesContaining(dataDirectory, plainlyStored)).as("the search finds plain values").isNotEmpty();
        for (String secret : secrets) {
            assertThat(filesContaining(dataDirectory, secret)).as("files holding a secret").isEmpty();
            assertThat(log).as("the log").doesNotContain(secret);
        }
    }
}
