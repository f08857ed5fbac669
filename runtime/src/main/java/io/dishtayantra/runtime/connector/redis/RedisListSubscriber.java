package io.dishtayantra.runtime.connector.redis;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import io.lettuce.core.LMoveArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reliable queue on a Redis list. Each event is moved atomically (BLMOVE) from the list to this
 * subscriber's in-flight list and removed from there (LREM) when the DAG acknowledges it, so an
 * event taken but not processed survives a crash. At start, everything left in the in-flight list
 * by an earlier run is moved back to the head of the queue. Publishers LPUSH, so the list is
 * consumed first in, first out. An LREM that fails while the server is away is retried after
 * the reconnect, and an event whose BLMOVE reply was lost is found in the in-flight list after
 * the reconnect and delivered then.
 */
final class RedisListSubscriber extends ResilientSubscriber {

    private final URI uri;
    private RedisSettings settings;
    private String inflight;
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> blocking;
    private volatile StatefulRedisConnection<String, byte[]> acks;
    private boolean recovered;
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> failedAcks = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Payloads delivered and not yet acknowledged, with their number; guarded by itself. */
    private final Map<ByteBuffer, Integer> outstanding = new HashMap<>();
    private List<byte[]> stranded = new ArrayList<>();

    RedisListSubscriber(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = RedisSettings.from(uri, config);
        inflight = settings.inflightList() != null ? settings.inflightList()
                : settings.name() + ":inflight:" + context.dagName() + "-" + context.componentName();
    }

    @Override
    protected void connect() {
        client = RedisClients.create(settings.server());
        blocking = client.connect(RedisClients.CODEC);
        acks = client.connect(RedisClients.CODEC);
        if (!recovered) {
            long moved = 0;
            // LEFT to RIGHT keeps the original order: the oldest in-flight event ends up rightmost,
            // where BLMOVE takes from next.
            while (blocking.sync().lmove(inflight, settings.name(), LMoveArgs.Builder.leftRight()) != null) {
                moved++;
            }
            if (moved > 0) {
                log.info("Requeued {} unacknowledged events from {} to {}", moved, inflight, settings.name());
            }
            recovered = true;
        }
        byte[] payload;
        while ((payload = failedAcks.poll()) != null) {
            acks.sync().lrem(inflight, 1, payload);
        }
        stranded = findStranded();
    }

    /**
     * Returns the in-flight entries this subscriber never delivered: a BLMOVE that Redis executed
     * while the connection broke moves an event whose reply never arrived. Entries delivered and
     * not yet acknowledged are in {@link #outstanding} and are left alone.
     */
    private List<byte[]> findStranded() {
        Map<ByteBuffer, Integer> delivered;
        synchronized (outstanding) {
            delivered = new HashMap<>(outstanding);
        }
        List<byte[]> entries = blocking.sync().lrange(inflight, 0, -1);
        List<byte[]> result = new ArrayList<>();
        // LRANGE lists the newest first: walk from the oldest so they are delivered in order.
        for (int i = entries.size() - 1; i >= 0; i--) {
            ByteBuffer key = ByteBuffer.wrap(entries.get(i));
            int count = delivered.getOrDefault(key, 0);
            if (count > 0) {
                delivered.put(key, count - 1);
            } else {
                result.add(entries.get(i));
            }
        }
        if (!result.isEmpty()) {
            log.info("Delivering {} events of {} whose move was interrupted by the lost connection", result.size(), inflight);
        }
        return result;
    }

    @Override
    protected void consume() throws InterruptedException {
        double timeoutSeconds = settings.blockTimeout().toMillis() / 1000.0;
        long nextLagReport = 0;
        while (running()) {
            if (System.nanoTime() - nextLagReport > 0) {
                context.health().lag(blocking.sync().llen(settings.name()));
                nextLagReport = System.nanoTime() + 1_000_000_000L;
            }
            if (!awaitResumed()) {
                return;
            }
            byte[] payload = stranded.isEmpty()
                    ? blocking.sync().blmove(settings.name(), inflight, LMoveArgs.Builder.rightLeft(), timeoutSeconds)
                    : stranded.removeFirst();
            if (payload != null) {
                ByteBuffer key = ByteBuffer.wrap(payload);
                synchronized (outstanding) {
                    outstanding.merge(key, 1, Integer::sum);
                }
                JsonPayloads.deliver(payload, sink, () -> acknowledge(payload));
            }
        }
    }

    private void acknowledge(byte[] payload) {
        synchronized (outstanding) {
            outstanding.computeIfPresent(ByteBuffer.wrap(payload), (key, count) -> count == 1 ? null : count - 1);
        }
        StatefulRedisConnection<String, byte[]> connection = acks;
        try {
            if (connection == null || !connection.isOpen()) {
                throw new IllegalStateException("not connected");
            }
            connection.async().lrem(inflight, 1, payload).whenComplete((removed, error) -> {
                if (error != null) {
                    failedAcks.add(payload);
                }
            });
        } catch (RuntimeException e) {
            failedAcks.add(payload);
            errors.warn("LREM on " + inflight + " failed; it is retried after the reconnect", e);
        }
    }

    @Override
    protected void disconnect() {
        acks = null;
        closeQuietly(blocking);
        blocking = null;
        if (client != null) {
            client.shutdownAsync();
            client = null;
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing a connection to a server that is gone fails; there is nothing to do.
            }
        }
    }
}
