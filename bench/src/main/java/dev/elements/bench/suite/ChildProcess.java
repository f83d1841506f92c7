package dev.elements.bench.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server the suite starts in its own JVM, its output in a log file, stopped as an operator would. */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ChildProcess(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** The java running this suite, so every part runs on the same JVM. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A main class of the bench module, on this suite's own class path. */
    public static ChildProcess mainClass(String name, Class<?> main, Path logs, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return start(name, command, Map.of(), logs);
    }

    /** The platform as its README starts it, {@code java [options] -jar elements.jar}. */
    public static ChildProcess platform(Path jar, List<String> javaOptions, Map<String, String> environment,
            Path logs, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return start(name, command, environment, logs);
    }

    private static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logs)
            throws IOException {
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("ELEMENTS_"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ChildProcess(name, builder.start(), log, started);
    }

    /** The port a stand-in announced with {@code port=<n>}. */
    public int announcedPort(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("port=")) {
                    return Integer.parseInt(line.substring(5).trim());
                }
            }
            requireAlive();
            Thread.sleep(10);
        }
        throw new IllegalStateException(name + " announced no port within " + timeout + "; see " + log);
    }

    /** Time from the process start to the first 200 on {@code path}: start-up as a user sees it. */
    public Duration firstAnswer(int port, String path, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = LoadClient.get(path);
        while (System.nanoTime() < deadline) {
            try (LoadClient client = new LoadClient(port)) {
                if (client.send(request).status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYetListening) {
                requireAlive();
                Thread.sleep(2);
            }
        }
        throw new IllegalStateException(name + " did not answer " + path + " within " + timeout + "; see " + log);
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** Resident memory now, and its peak so far ({@code VmRSS}, {@code VmHWM}), in MiB. */
    public long[] residentMemoryMib() throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line) / 1024;
            }
        }
        return new long[] {rss, peak};
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, as an operator stops a server; forcibly if it has not stopped after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
