package io.dishtayantra.runtime.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
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
 *
 * <p>Before it, the JVM gets the heap flags of {@code bin/dishtayantra run} that can change at
 * run time, unless the command line set them. With them, that collection left 36 MiB of the heap
 * committed instead of 80 MiB (one run each). NOTE: in 2 of 7 runs the next young collections
 * grew the heap again, to about 215 MiB committed, probably because G1 counts the full
 * collection's pause as recent GC time.
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
        shrinkHeapMoreWhenDefault();
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory();
        long started = System.nanoTime();
        System.gc();
        Release release = new Release(before, runtime.totalMemory(), Duration.ofNanos(System.nanoTime() - started));
        if (explicitGcDisabled()) {
            LOG.info("Skipped the start-up collection because of -XX:+DisableExplicitGC; committed heap {} MiB",
                    release.committedAfter() >> 20);
        } else {
            LOG.info("Collected start-up garbage in {} ms; committed heap {} MiB, was {} MiB",
                    release.pause().toMillis(), release.committedAfter() >> 20, release.committedBefore() >> 20);
        }
        return release;
    }

    /**
     * Sets those flags of bin/dishtayantra run that a running JVM accepts, unless the command line
     * set them. MinHeapFreeRatio 10 and MaxHeapFreeRatio 30 make G1 shrink the heap after a full
     * collection or a concurrent cycle until at most 30% of it is free. G1PeriodicGCInterval
     * 30000 starts a concurrent cycle after 30 s without a collection.
     */
    private static void shrinkHeapMoreWhenDefault() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            if (isDefault(vm, "MinHeapFreeRatio") && isDefault(vm, "MaxHeapFreeRatio")) {
                vm.setVMOption("MinHeapFreeRatio", "10");
                vm.setVMOption("MaxHeapFreeRatio", "30");
            }
            if (isDefault(vm, "G1PeriodicGCInterval")) {
                vm.setVMOption("G1PeriodicGCInterval", "30000");
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("Cannot set the heap flags of this JVM: {}", e.getMessage());
        }
    }

    private static boolean explicitGcDisabled() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Boolean.parseBoolean(vm.getVMOption("DisableExplicitGC").getValue());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDefault(HotSpotDiagnosticMXBean vm, String flag) {
        return vm.getVMOption(flag).getOrigin() == VMOption.Origin.DEFAULT;
    }
}
