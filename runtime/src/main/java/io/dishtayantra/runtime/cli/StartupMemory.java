package io.dishtayantra.runtime.cli;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collection after the start-up DAGs run, which returns the heap that start-up used to the
 * operating system.
 *
 * <p>Start-up allocates far more than the runtime keeps: with the examples, about 135 MB (class
 * files read from the jar, the jar's index, manifest parse trees, the HTTP server's bean
 * metadata) against about 20 MB live afterwards. The heap regions that this garbage touched stay
 * resident until a collection frees them and the collector shrinks the heap. One
 * {@link System#gc()} right after start-up does both. With G1 it is a full, stop-the-world
 * collection, which paused the examples for 50-90 ms on 2 shared cores, once per process.
 * {@code -XX:+DisableExplicitGC} turns it off.
 */
final class StartupMemory {

    private static final Logger LOG = LoggerFactory.getLogger(StartupMemory.class);

    private StartupMemory() {
    }

    /** Heap committed before and after the collection, in bytes, and the collection's duration. */
    record Release(long committedBefore, long committedAfter, Duration pause) {
    }

    /** Runs one full collection and logs how much committed heap it released. */
    static Release release() {
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory();
        long started = System.nanoTime();
        System.gc();
        Release release = new Release(before, runtime.totalMemory(), Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Collected start-up garbage in {} ms; committed heap {} MiB, was {} MiB", release.pause().toMillis(),
                release.committedAfter() >> 20, release.committedBefore() >> 20);
        return release;
    }
}
