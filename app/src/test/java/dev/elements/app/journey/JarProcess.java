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
    /** Notified whenever output arrives or the process ends, so that waiting needs no polling pause. */
    private final Object changed = new Object();
    private final List<Thread> pumps;

    private JarProcess(Process process) {
        this.process = process;
        this.pumps = List.of(pump(process.getInputStream(), stdout), pump(process.getErrorStream(), stderr));
        process.onExit().thenRun(this::signal);
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    static Path jar() {
        return Path.of(System.getProperty("elements.jar", "target/elements.jar"));
    }

    /** Starts the jar with exactly these settings as its environment (plus PATH and HOME). */
    static JarProcess start(Map<String, String> environment, String... arguments) {
        return start(Path.of("").toAbsolutePath(), environment, arguments);
    }

    /** The same, in this working directory (where {@code demo} keeps its {@code ./demo-data}). */
    static JarProcess start(Path workingDirectory, Map<String, String> environment, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ELEMENTS_"));
        env.putAll(environment);
        try {
            return new JarProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Thread pump(InputStream from, StringBuffer into) {
        Thread thread = new Thread(() -> {
            try {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = from.read(buffer)) >= 0) {
                    into.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    signal();
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The port from the start-up line, waiting for it. */
    int awaitPort(Duration timeout) throws InterruptedException {
        return Integer.parseInt(await(STARTED, timeout));
    }

    /** The first group of {@code pattern} in the standard output, waiting for it to appear. */
    String await(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                Matcher found = pattern.matcher(stdout);
                if (found.find()) {
                    return found.group(1);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server exited with " + process.exitValue() + ": " + stderr
                            + stdout);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("No " + pattern + " within " + timeout + ": " + stdout + stderr);
                }
                TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
        }
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Still running after " + timeout + ": " + stdout + stderr);
        }
        // The pumps end at the end of the output, once they have kept what the process wrote last.
        for (Thread pump : pumps) {
            pump.join(timeout.toMillis());
        }
        return process.exitValue();
    }

    /** SIGTERM, as a supervisor stops a service. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux), as a crash or the OOM killer ends it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
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
