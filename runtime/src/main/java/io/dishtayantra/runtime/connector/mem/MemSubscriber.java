package io.dishtayantra.runtime.connector.mem;

import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Subscriber;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.MDC;

/**
 * Moves events from an in-memory queue or topic into a DAG on a thread of its own. Acknowledgement
 * is a no-op: the broker lives in this process, so there is nothing to redeliver after a crash.
 */
final class MemSubscriber implements Subscriber {

    private static final long POLL_MILLIS = 100;
    private static final int BATCH = 256;

    private final MemBroker broker;
    private final MemAddress address;
    private final int capacity;
    private MemChannel channel;
    private Thread thread;
    private volatile boolean paused;
    private volatile boolean closed;

    MemSubscriber(MemBroker broker, MemAddress address, int capacity) {
        this.broker = broker;
        this.address = address;
        this.capacity = capacity;
    }

    @Override
    public void start(ConnectorContext context, EventSink sink) {
        channel = address.topic()
                ? broker.subscribeTopic(address.name(), capacity)
                : broker.queue(address.name(), capacity);
        thread = Thread.ofPlatform()
                .name("mem-subscriber-" + context.dagName() + "-" + context.componentName())
                .daemon(true)
                .start(() -> {
                    MDC.put("dag", context.dagName());
                    deliver(sink);
                });
        context.health().connected();
    }

    private void deliver(EventSink sink) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] batch = new Map[BATCH];
        while (!closed) {
            if (paused) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
                continue;
            }
            int count;
            try {
                count = channel.take(batch, BATCH, POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            int delivered = 0;
            while (delivered < count) {
                if (paused) {
                    // A pause that arrived while take() waited: the rest go back to the queue's front.
                    break;
                }
                try {
                    delivered += sink.acceptBatch(batch, delivered, count);
                } catch (InterruptedException e) {
                    channel.accepted(delivered);
                    channel.putBack(batch, delivered, count);
                    Arrays.fill(batch, null);
                    return;
                }
            }
            channel.accepted(delivered);
            if (delivered < count) {
                channel.putBack(batch, delivered, count);
            }
            Arrays.fill(batch, 0, count, null);
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
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
        if (address.topic() && channel != null) {
            broker.unsubscribeTopic(address.name(), channel);
        }
    }
}
