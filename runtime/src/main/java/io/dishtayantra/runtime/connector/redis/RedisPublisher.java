package io.dishtayantra.runtime.connector.redis;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientPublisher;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes events as JSON: LPUSH of a whole batch in one command to a list, PUBLISH to a channel,
 * XADD with one {@code field} to a stream. A batch completes when Redis replied to all of it.
 */
final class RedisPublisher extends ResilientPublisher {

    private final URI uri;
    private RedisSettings settings;
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;

    RedisPublisher(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = RedisSettings.from(uri, config);
    }

    @Override
    protected void connect() {
        client = RedisClients.create(settings.server());
        connection = client.connect(RedisClients.CODEC);
    }

    @Override
    protected void send(List<Map<String, Object>> batch) throws Exception {
        switch (settings.kind()) {
            case "list" -> {
                byte[][] values = batch.stream().map(JsonPayloads::toBytes).toArray(byte[][]::new);
                connection.sync().lpush(settings.name(), values);
            }
            case "channel" -> {
                List<RedisFuture<?>> replies = new ArrayList<>();
                for (Map<String, Object> event : batch) {
                    replies.add(connection.async().publish(settings.name(), JsonPayloads.toBytes(event)));
                }
                awaitAll(replies);
            }
            case "stream" -> {
                XAddArgs args = settings.maxLength() > 0 ? XAddArgs.Builder.maxlen(settings.maxLength()).approximateTrimming() : null;
                List<RedisFuture<?>> replies = new ArrayList<>();
                for (Map<String, Object> event : batch) {
                    Map<String, byte[]> body = Map.of(settings.field(), JsonPayloads.toBytes(event));
                    replies.add(args == null ? connection.async().xadd(settings.name(), body)
                            : connection.async().xadd(settings.name(), args, body));
                }
                awaitAll(replies);
            }
            default -> throw new IllegalStateException("unknown Redis kind " + settings.kind());
        }
    }

    private void awaitAll(List<RedisFuture<?>> replies) throws Exception {
        long timeout = settings.commandTimeout().toMillis();
        if (!LettuceFutures.awaitAll(timeout, TimeUnit.MILLISECONDS, replies.toArray(RedisFuture[]::new))) {
            throw new java.util.concurrent.TimeoutException("Redis did not reply within " + timeout + "ms (commandTimeout)");
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
