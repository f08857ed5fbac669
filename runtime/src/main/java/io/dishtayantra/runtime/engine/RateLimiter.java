package io.dishtayantra.runtime.engine;

/**
 * Lets one log line through per interval and counts the ones held back, so a failure repeated
 * a million times logs a line every few seconds with the count. Used by one thread at a time.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long lastNanos;
    private boolean logged;
    private long suppressed;

    RateLimiter(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** Whether to log now; when false the occurrence is counted instead. */
    boolean tryAcquire() {
        long now = System.nanoTime();
        if (!logged || now - lastNanos >= intervalNanos) {
            logged = true;
            lastNanos = now;
            return true;
        }
        suppressed++;
        return false;
    }

    /** Returns how many occurrences were held back since the last line, and resets the count. */
    long takeSuppressed() {
        long count = suppressed;
        suppressed = 0;
        return count;
    }
}
