package io.dishtayantra.runtime.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Processing times in fixed buckets, for a Prometheus histogram. One thread writes (a DAG's
 * executor), any thread reads. A record is a bucket search over {@value #BUCKETS} bounds and two
 * opaque stores, with no lock, fence or atomic read-modify-write; readers see each value
 * eventually and never a torn one. A reader may see a bucket updated before the sum, so the sum
 * can lag the counts by one event.
 */
public final class LatencyHistogram {

    /** Upper bounds of the buckets in seconds, from 10 µs to 10 s; the last bucket is +Inf. */
    public static final double[] UPPER_BOUNDS_SECONDS = {
        0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
        Double.POSITIVE_INFINITY
    };

    static final int BUCKETS = 19;

    private static final long[] UPPER_BOUNDS_NANOS = new long[BUCKETS];
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle SUM;

    static {
        for (int i = 0; i < BUCKETS; i++) {
            UPPER_BOUNDS_NANOS[i] = Double.isInfinite(UPPER_BOUNDS_SECONDS[i]) ? Long.MAX_VALUE : Math.round(UPPER_BOUNDS_SECONDS[i] * 1e9);
        }
        try {
            SUM = MethodHandles.lookup().findVarHandle(LatencyHistogram.class, "sumNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long[] counts = new long[BUCKETS];
    private long sumNanos;

    /** Records one processing time; call only from the owning thread. Negative times count as zero. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        int bucket = 0;
        while (value > UPPER_BOUNDS_NANOS[bucket]) {
            bucket++;
        }
        COUNTS.setOpaque(counts, bucket, counts[bucket] + 1);
        SUM.setOpaque(this, sumNanos + value);
    }

    /** Returns a copy of the counts per bucket (not cumulative), in the order of {@link #UPPER_BOUNDS_SECONDS}. */
    public long[] bucketCounts() {
        long[] copy = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = (long) COUNTS.getOpaque(counts, i);
        }
        return copy;
    }

    /** Sum of the recorded times in seconds. */
    public double sumSeconds() {
        return (long) SUM.getOpaque(this) / 1e9;
    }
}
