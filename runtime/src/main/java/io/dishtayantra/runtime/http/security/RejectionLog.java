package io.dishtayantra.runtime.http.security;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs rejected requests at most once per {@value #INTERVAL_MILLIS} ms, with the number rejected
 * since the previous line, so that a scanner or a misconfigured client cannot flood the log.
 * Thread-safe.
 */
final class RejectionLog {

    static final long INTERVAL_MILLIS = 10_000;

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sinceLastLine = new AtomicLong();
    private final AtomicLong lastLine = new AtomicLong();

    void record(Logger log, String request, AccessDecision decision) {
        total.incrementAndGet();
        sinceLastLine.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastLine.get();
        if (now - last >= INTERVAL_MILLIS && lastLine.compareAndSet(last, now)) {
            log.warn("Rejected {} with {}: {} ({} rejected requests since the last such line, {} in total)",
                    request, decision.status(), decision.message(), sinceLastLine.getAndSet(0), total.get());
        }
    }

    long total() {
        return total.get();
    }
}
