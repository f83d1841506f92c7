package dev.elements.bench.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The suite's findings, written as {@code bench/RESULTS.md}: each figure beside its baseline and goal. */
public final class Results {
    /** Marks where the hand-kept history of RESULTS.md starts; a run rewrites everything above it. */
    static final String HISTORY = "<!-- history: kept by bench/run, written by hand -->";

    private final List<String> sections = new ArrayList<>();
    private List<String> rows;

    /** A figure, its baseline from the same run, how they compare, the goal, and whether it is met. */
    public void row(String measure, String platform, String baseline, String comparison, String goal, Boolean met) {
        rows.add("| " + String.join(" | ", measure, platform, baseline, comparison, goal,
                met == null ? "" : met ? "yes" : "**no**") + " |");
        System.out.printf("  %-46s %14s %14s %12s  goal %-14s %s%n", measure, platform, baseline, comparison, goal,
                met == null ? "" : met ? "met" : "MISSED");
    }

    public void section(String title, String explanation) {
        // The previous section's table goes into its place first, or the next one would take it.
        closeTable();
        rows = new ArrayList<>();
        rows.add("| Measure | Platform | Baseline | Comparison | Goal | Met |");
        rows.add("|---|---:|---:|---:|---|---|");
        sections.add("## " + title + "\n\n" + explanation + "\n\n");
        sections.add(null);
        System.out.println();
        System.out.println(title);
    }

    /** Free text under the current section (a table of its own, a note). */
    public void text(String markdown) {
        closeTable();
        sections.add(markdown + "\n\n");
        System.out.println(markdown);
    }

    private void closeTable() {
        int last = sections.lastIndexOf(null);
        if (last >= 0) {
            sections.set(last, rows.size() > 2 ? String.join("\n", rows) + "\n\n" : "");
        }
    }

    public void write(Path file, String mode) throws IOException {
        closeTable();
        Runtime runtime = Runtime.getRuntime();
        long memoryGib = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        StringBuilder out = new StringBuilder("# Benchmark results\n\n")
                .append("Written by `bench/run` (").append(mode).append(") on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(".\n\n")
                .append("- Machine: ").append(runtime.availableProcessors()).append(" cores, ").append(memoryGib)
                .append(" GiB, ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append('\n')
                .append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n')
                .append("- Every part (platform, stand-in Facebook, bare Javalin, load driver, database) shares"
                        + " this machine. Absolute figures depend on it; the comparisons, each measured in the"
                        + " same run, are what carries over.\n\n");
        for (String section : sections) {
            out.append(section);
        }
        out.append(keptHistory(file));
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    /**
     * What the file already holds from {@link #HISTORY} on: the before-and-after record of changes,
     * written by hand, which each run keeps under its fresh figures.
     */
    private static String keptHistory(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String previous = Files.readString(file, StandardCharsets.UTF_8);
        int history = previous.indexOf(HISTORY);
        return history < 0 ? "" : previous.substring(history);
    }

    public static String micros(double micros) {
        return micros >= 10_000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.0f µs", micros);
    }

    public static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%,.0f/s", rate);
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
