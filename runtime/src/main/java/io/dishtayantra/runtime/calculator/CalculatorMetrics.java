package io.dishtayantra.runtime.calculator;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Calls, failures and latency of one calculator.
 *
 * <p>Writes come from the thread that calls the calculator, one call at a time (the
 * {@link io.dishtayantra.api.Calculator} threading contract), so each update is a plain read
 * and an opaque write, with no compare-and-set. Any thread may read; a reader sees each counter
 * eventually, and the counters of one snapshot may be one call apart.
 *
 * <p>Latency goes into power-of-two buckets: bucket {@code i} counts calls that took less than
 * {@code 2^i} nanoseconds and at least {@code 2^(i-1)}; the last bucket also takes everything
 * longer.
 */
public final class CalculatorMetrics {

    /** Number of latency buckets; the last upper bound is 2^40 ns, about 18 minutes. */
    public static final int BUCKETS = 41;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLongArray latencyBuckets = new AtomicLongArray(BUCKETS);

    /** Records one call that took {@code nanos} nanoseconds; {@code failed} when it threw. */
    public void record(long nanos, boolean failed) {
        calls.setOpaque(calls.getPlain() + 1);
        if (failed) {
            failures.setOpaque(failures.getPlain() + 1);
        }
        totalNanos.setOpaque(totalNanos.getPlain() + nanos);
        int bucket = Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(Math.max(0, nanos)));
        latencyBuckets.setOpaque(bucket, latencyBuckets.getPlain(bucket) + 1);
    }

    /** Calls so far, failed ones included. */
    public long calls() {
        return calls.getOpaque();
    }

    /** Calls that threw. */
    public long failures() {
        return failures.getOpaque();
    }

    /** Sum of the latency of all calls, in nanoseconds. */
    public long totalNanos() {
        return totalNanos.getOpaque();
    }

    /** Sum of the latency of all calls, in seconds (the Prometheus histogram {@code _sum}). */
    public double totalSeconds() {
        return totalNanos() / (double) TimeUnit.SECONDS.toNanos(1);
    }

    /** Calls in latency bucket {@code index}, not cumulative. */
    public long bucketCount(int index) {
        return latencyBuckets.getOpaque(index);
    }

    /** Exclusive upper bound of bucket {@code index}, in nanoseconds. */
    public static long bucketUpperBoundNanos(int index) {
        return 1L << index;
    }
}
