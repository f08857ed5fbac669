package io.dishtayantra.bench.engine;

import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.api.connector.EventSink;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Receives a DAG's output from the harness's subscriber thread and records, per event, the time
 * since its intended send time (field {@code sentNanos}), so a stalled producer cannot hide latency.
 * Only the subscriber thread writes; readers wait on {@link #awaitAll} first.
 */
final class LatencySink implements EventSink {

    static final String SENT_FIELD = "sentNanos";

    private final Histogram latencyNanos = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private CountDownLatch remaining;
    private long lastArrivalNanos;
    private long rejected;

    void expect(long events) {
        latencyNanos.reset();
        remaining = new CountDownLatch(Math.toIntExact(events));
    }

    @Override
    public void accept(Map<String, Object> event, Acknowledgement acknowledgement) {
        long now = System.nanoTime();
        Object sent = findSent(event);
        if (!(sent instanceof Number sentNanos)) {
            throw new IllegalStateException("Output event has no " + SENT_FIELD + " field: " + event);
        }
        latencyNanos.recordValue(Math.max(0, now - sentNanos.longValue()));
        lastArrivalNanos = now;
        acknowledgement.acknowledge();
        remaining.countDown();
    }

    /** Finds the send time, which fan-in nodes may have nested under their parents' keys. */
    private static Object findSent(Map<?, ?> event) {
        Object sent = event.get(SENT_FIELD);
        if (sent != null) {
            return sent;
        }
        for (Object value : event.values()) {
            if (value instanceof Map<?, ?> nested && (sent = findSent(nested)) != null) {
                return sent;
            }
        }
        return null;
    }

    @Override
    public void reject(byte[] payload, String reason) {
        rejected++;
    }

    boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        return remaining.await(timeout, unit);
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    Histogram latencyNanos() {
        return latencyNanos;
    }

    long rejected() {
        return rejected;
    }
}
