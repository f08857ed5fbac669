package io.dishtayantra.runtime.connector.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the delay before attempt n is a random time between half
 * of and the whole of {@code min(max, initial * 2^(n-1))}, so clients that lost the same broker
 * do not reconnect in lockstep. Immutable and thread-safe.
 *
 * @param initial delay before the first retry
 * @param max upper bound of any delay
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** Returns the delay before retry number {@code attempt}, counted from 1. */
    public Duration delay(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(doublings, 20));
        long floor = ceiling / 2;
        long millis = floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1);
        return Duration.ofMillis(millis);
    }

    /** Sleeps for {@link #delay(int)}. */
    public void sleep(int attempt) throws InterruptedException {
        Thread.sleep(delay(attempt));
    }
}
