package dev.elements.app.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar elements.jar} in its own process, with its output kept for searching. */
final class JarProcess implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("Elements started on port (\\d+)");

    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();

    private JarProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), stdout);
        pump(process.getErrorStream(), stderr);
    }

    static Path jar() {
        return Path.of(System.getProperty("elements.jar", "target/elements.jar"));
    }

    /** Starts the jar with exactly these settings as its environment (plus PATH and HOME). */
    static JarProcess start(Map<String, String> environment, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ELEMENTS_"));
        env.putAll(environment);
        try {
            return new JarProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(InputStream from, StringBuffer into) {
        Thread thread = new Thread(() -> {
            try {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = from.read(buffer)) >= 0) {
                    into.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    /** The port from the start-up line, waiting for it. */
    int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher started = STARTED.matcher(stdout);
            if (started.find()) {
                return Integer.parseInt(started.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + ": " + stderr
                        + stdout);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("No start-up line within " + timeout + ": " + stdout + stderr);
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Still running after " + timeout + ": " + stdout + stderr);
        }
        // Let the pumps drain what the process wrote last.
        Thread.sleep(200);
        return process.exitValue();
    }

    /** SIGTERM, as a supervisor stops a service. */
    void terminate() {
        process.destroy();
    }

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
