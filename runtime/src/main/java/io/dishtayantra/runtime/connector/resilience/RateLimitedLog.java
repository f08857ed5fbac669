package io.dishtayantra.runtime.connector.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a repeated error at most once per interval and counts every occurrence, so a broker that
 * stays down does not flood the log. Each logged line says how many were suppressed since the
 * previous one. Thread-safe.
 */
public final class RateLimitedLog {

    private final Logger logger;
    private final long intervalNanos;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private volatile long lastLoggedNanos = System.nanoTime() - Long.MAX_VALUE / 2;

    public RateLimitedLog(Logger logger, Duration interval) {
        this.logger = logger;
        this.intervalNanos = interval.toNanos();
    }

    /** Counts one error and logs it as a warning unless one was logged within the interval. */
    public void warn(String message, Throwable cause) {
        total.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastLoggedNanos < intervalNanos) {
                suppressed.incrementAndGet();
                return;
            }
            lastLoggedNanos = now;
        }
        long skipped = suppressed.getAndSet(0);
        String suffix = skipped == 0 ? "" : " (" + skipped + " similar errors not logged)";
        String reason = cause == null ? "" : ": " + describe(cause);
        logger.warn("{}{}{}", message, reason, suffix);
        if (cause != null) {
            logger.debug("Cause of the warning above", cause);
        }
    }

    /** Errors counted since creation, logged or not. */
    public long total() {
        return total.get();
    }

    /** Returns the exception's class and message, and its root cause's when different. */
    public static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        if (root != cause) {
            text += " (caused by " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " " + root.getMessage()) + ")";
        }
        return text;
    }
}
