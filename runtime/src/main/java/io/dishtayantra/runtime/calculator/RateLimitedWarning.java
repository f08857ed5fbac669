package io.dishtayantra.runtime.calculator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a repeated warning at most once per interval, with the number of occurrences that were
 * not logged since the previous line. Thread-safe.
 */
public final class RateLimitedWarning {

    private final Logger logger;
    private final long intervalNanos;
    private final AtomicLong nextLogNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedWarning(Logger logger, Duration interval) {
        this.logger = logger;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs the warning now, or counts it when one was logged less than an interval ago. */
    public void warn(String format, Object... arguments) {
        long now = System.nanoTime();
        long next = nextLogNanos.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextLogNanos.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        if (skipped > 0) {
            logger.warn(format + " ({} similar warnings not logged since the last one)", append(arguments, skipped));
        } else {
            logger.warn(format, arguments);
        }
    }

    private static Object[] append(Object[] arguments, Object last) {
        Object[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }
}
