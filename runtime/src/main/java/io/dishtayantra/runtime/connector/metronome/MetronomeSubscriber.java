package io.dishtayantra.runtime.connector.metronome;

import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.MDC;

/**
 * Emits {@code {tick: n, timestamp: ISO-8601}} every interval, n counting from 1, on a thread of
 * its own. Ticks fall due at a fixed rate. A tick due while paused is skipped rather than queued.
 * A tick that waits for room in a full queue delays the next ones, so no burst follows.
 */
final class MetronomeSubscriber implements Subscriber {

    private final Duration interval;
    private Thread thread;
    private volatile boolean paused;
    private volatile boolean closed;

    MetronomeSubscriber(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void start(ConnectorContext context, EventSink sink) {
        thread = Thread.ofPlatform()
                .name("metronome-" + context.dagName() + "-" + context.componentName())
                .daemon(true)
                .start(() -> {
                    MDC.put("dag", context.dagName());
                    tick(sink);
                });
        context.health().connected();
    }

    private void tick(EventSink sink) {
        long intervalNanos = interval.toNanos();
        long next = System.nanoTime() + intervalNanos;
        long count = 0;
        while (!closed) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                if (Thread.interrupted() && closed) {
                    return;
                }
                continue;
            }
            next += intervalNanos;
            if (paused) {
                continue;
            }
            Map<String, Object> event = new LinkedHashMap<>(4);
            event.put("tick", ++count);
            event.put("timestamp", Instant.now().toString());
            try {
                sink.accept(event, Acknowledgement.NONE);
            } catch (InterruptedException e) {
                return;
            }
            if (next - System.nanoTime() < 0) {
                next = System.nanoTime() + intervalNanos;
            }
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
