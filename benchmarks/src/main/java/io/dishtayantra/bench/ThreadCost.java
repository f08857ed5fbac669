package io.dishtayantra.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * CPU time and heap allocation of one named thread, read through the JVM's thread MXBean. On a
 * machine shared with other work, the CPU time a thread spends per event is a steadier figure
 * than wall-clock throughput, because it leaves out the time the thread waited for a core.
 */
public final class ThreadCost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long threadId;
    private long cpuNanos;
    private long allocatedBytes;

    private ThreadCost(long threadId) {
        this.threadId = threadId;
        THREADS.setThreadCpuTimeEnabled(true);
        THREADS.setThreadAllocatedMemoryEnabled(true);
        mark();
    }

    /** Measures the calling thread. */
    public static ThreadCost ofCurrentThread() {
        return new ThreadCost(Thread.currentThread().threadId());
    }

    /** Finds the live thread whose name starts with {@code prefix}. */
    public static ThreadCost of(String prefix) {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                return new ThreadCost(info.getThreadId());
            }
        }
        throw new IllegalStateException("No thread named " + prefix + "*; is the DAG running?");
    }

    /** Starts a new measurement interval. */
    public void mark() {
        cpuNanos = THREADS.getThreadCpuTime(threadId);
        allocatedBytes = THREADS.getThreadAllocatedBytes(threadId);
    }

    /** CPU nanoseconds the thread used since {@link #mark()}. */
    public long cpuNanosSinceMark() {
        return THREADS.getThreadCpuTime(threadId) - cpuNanos;
    }

    /** Bytes the thread allocated on the heap since {@link #mark()}. */
    public long allocatedBytesSinceMark() {
        return THREADS.getThreadAllocatedBytes(threadId) - allocatedBytes;
    }
}
