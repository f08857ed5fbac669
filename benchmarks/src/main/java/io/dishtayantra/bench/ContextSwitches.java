package io.dishtayantra.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Context switches of every thread of this JVM, from {@code /proc/self/task/<tid>/status} (Linux
 * only). A thread that parks and is woken again counts one voluntary switch, so switches per
 * event show how often the threads an event crosses had to sleep and be woken.
 */
public final class ContextSwitches {

    private static final Path TASKS = Path.of("/proc/self/task");

    private long voluntary;
    private long involuntary;

    /** Starts a new measurement interval. */
    public void mark() {
        long[] counts = read();
        voluntary = counts[0];
        involuntary = counts[1];
    }

    /**
     * Formats the switches since {@link #mark()} per event, or a note that they are unavailable
     * off Linux. Threads that ended since the mark are not counted.
     */
    public String perEventSinceMark(long events) {
        long[] counts = read();
        if (counts[0] < 0) {
            return "context switches not available (no /proc/self/task)";
        }
        return String.format("%.2f voluntary and %.2f involuntary context switches per event (all threads)",
                (counts[0] - voluntary) / (double) events, (counts[1] - involuntary) / (double) events);
    }

    private static long[] read() {
        long[] counts = {0, 0};
        if (!Files.isDirectory(TASKS)) {
            return new long[] {-1, -1};
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                addCounts(task.resolve("status"), counts);
            }
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
        return counts;
    }

    private static void addCounts(Path status, long[] counts) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    counts[0] += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    counts[1] += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException e) {
            // The thread ended between listing and reading; its switches are no longer counted.
        }
    }
}
