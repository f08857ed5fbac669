package io.dishtayantra.runtime.connector.redis;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Subscribes to a Redis pub/sub channel. Pub/sub is at most once: messages published while the
 * subscriber is disconnected or paused are never seen, and nothing can be acknowledged. Messages
 * arrive on Lettuce's I/O thread, which must not block, so they wait in a buffer of
 * {@code bufferSize}; when the DAG falls that far behind, new messages are dropped and counted in
 * {@code connector_events_dropped_total}.
 */
final class RedisChannelSubscriber extends ResilientSubscriber {

    private final URI uri;
    private RedisSettings settings;
    private RedisClient client;
    private StatefulRedisPubSubConnection<String, byte[]> connection;
    private BlockingQueue<byte[]> buffer;
    private PluginMetrics.Counter dropped;
    private volatile boolean subscribed;

    RedisChannelSubscriber(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = RedisSettings.from(uri, config);
        buffer = new ArrayBlockingQueue<>(Math.max(1, settings.bufferSize()));
        dropped = context.metrics().counter("connector_events_dropped_total",
                "Channel messages dropped because the subscriber's buffer was full");
    }

    @Override
    protected void connect() {
        client = RedisClients.create(settings.server());
        connection = client.connectPubSub(RedisClients.CODEC);
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                if (!buffer.offer(message)) {
                    dropped.increment();
                    errors.warn("Buffer of " + description() + " is full; dropped a channel message", null);
                }
            }
        });
        subscribed = false;
    }

    @Override
    protected void consume() throws Exception {
        while (running()) {
            if (!connection.isOpen()) {
                throw new IllegalStateException("connection to " + settings.server().getHost() + " closed");
            }
            if (paused() == subscribed) {
                if (subscribed) {
                    connection.sync().unsubscribe(settings.name());
                } else {
                    connection.sync().subscribe(settings.name());
                }
                subscribed = !subscribed;
            }
            byte[] message = buffer.poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                JsonPayloads.deliver(message, sink, Acknowledgement.NONE);
            }
        }
    }

    @Override
    protected void disconnect() {
        RedisListSubscriber.closeQuietly(connection);
        connection = null;
        if (client != null) {
            client.shutdownAsync();
            client = null;
        }
    }
}
