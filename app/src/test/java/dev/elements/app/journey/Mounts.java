package dev.elements.app.journey;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * File systems for tests of the storage's failures: a small tmpfs to fill, a read-only bind mount.
 * Mounting needs root (as in this project's CI); elsewhere the tests are skipped, saying why.
 */
final class Mounts implements AutoCloseable {
    private final List<Path> mounted = new ArrayList<>();

    /** A tmpfs of this many mebibytes at {@code directory}, or the test is skipped. */
    void tmpfs(Path directory, int mebibytes) {
        assumeMounted(run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m,mode=0700", "tmpfs",
                directory.toString()), directory);
    }

    /** {@code source} seen read-only at {@code target}, or the test is skipped. */
    void readOnlyBind(Path source, Path target) {
        assumeMounted(run("mount", "--bind", source.toString(), target.toString()), target);
        String remount = run("mount", "-o", "remount,ro,bind", target.toString());
        if (!remount.isEmpty()) {
            close();
        }
        assumeTrue(remount.isEmpty(), "cannot remount " + target + " read-only (needs root): " + remount);
    }

    private void assumeMounted(String failure, Path directory) {
        if (failure.isEmpty()) {
            mounted.add(0, directory);
        }
        assumeTrue(failure.isEmpty(), "cannot mount at " + directory + " (these tests need root): " + failure);
    }

    /** Empty when the command succeeded, else what it said. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? "" : "exit " + process.exitValue() + ": " + output.trim();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    @Override
    public void close() {
        for (Path directory : mounted) {
            run("umount", "-l", directory.toString());
        }
        mounted.clear();
    }
}
