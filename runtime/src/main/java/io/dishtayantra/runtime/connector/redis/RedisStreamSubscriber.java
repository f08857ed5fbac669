package io.dishtayantra.runtime.connector.redis;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads a Redis stream in a consumer group and XACKs each entry when the DAG acknowledges it. At
 * the first connect it delivers this consumer's own pending entries (taken by an earlier run and
 * never acknowledged), then claims entries other consumers left pending longer than
 * {@code claimIdle}, then reads new entries. The group is created at the start of the stream
 * when missing, so entries written before the first start are read too.
 */
final class RedisStreamSubscriber extends ResilientSubscriber {

    private final URI uri;
    private RedisSettings settings;
    private String group;
    private Consumer<String> consumer;
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> reader;
    private volatile StatefulRedisConnection<String, byte[]> acks;
    private boolean recovered;
    private final ConcurrentLinkedQueue<String> failedAcks = new ConcurrentLinkedQueue<>();
    /** Ids of entries delivered and not yet acknowledged. */
    private final java.util.Set<String> outstanding = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RedisStreamSubscriber(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = RedisSettings.from(uri, config);
        group = settings.group() != null ? settings.group() : context.dagName() + "-" + context.componentName();
        consumer = Consumer.from(group, settings.consumer());
    }

    @Override
    protected void connect() throws InterruptedException {
        client = RedisClients.create(settings.server());
        reader = client.connect(RedisClients.CODEC);
        acks = client.connect(RedisClients.CODEC);
        try {
            reader.sync().xgroupCreate(XReadArgs.StreamOffset.from(settings.name(), "0"), group,
                    new XGroupCreateArgs().mkstream(true));
            log.info("Created consumer group {} on stream {}", group, settings.name());
        } catch (RedisBusyException e) {
            // BUSYGROUP: the group exists already.
        }
        String id;
        while ((id = failedAcks.poll()) != null) {
            acks.sync().xack(settings.name(), group, id);
        }
        if (!recovered) {
            recoverPending();
            recovered = true;
        } else {
            deliverLostReads();
        }
    }

    /**
     * Delivers this consumer's pending entries that it never handed to the DAG: an XREADGROUP that
     * Redis executed while the connection broke. Entries delivered and not yet acknowledged are in
     * {@link #outstanding} and are skipped.
     */
    private void deliverLostReads() throws InterruptedException {
        int lost = 0;
        String after = "0";
        while (true) {
            List<StreamMessage<String, byte[]>> pending = reader.sync().xreadgroup(consumer,
                    XReadArgs.Builder.count(resilience.batchSize()), XReadArgs.StreamOffset.from(settings.name(), after));
            if (pending.isEmpty()) {
                break;
            }
            for (StreamMessage<String, byte[]> message : pending) {
                after = message.getId();
                if (!outstanding.contains(message.getId())) {
                    deliver(message);
                    lost++;
                }
            }
        }
        if (lost > 0) {
            log.info("Delivering {} entries of stream {} whose read was interrupted by the lost connection", lost, settings.name());
        }
    }

    /** Delivers this consumer's pending entries, then entries idle too long at other consumers. */
    private void recoverPending() throws InterruptedException {
        int own = 0;
        String after = "0";
        while (true) {
            List<StreamMessage<String, byte[]>> pending = reader.sync().xreadgroup(consumer,
                    XReadArgs.Builder.count(resilience.batchSize()), XReadArgs.StreamOffset.from(settings.name(), after));
            if (pending.isEmpty()) {
                break;
            }
            for (StreamMessage<String, byte[]> message : pending) {
                deliver(message);
                after = message.getId();
                own++;
            }
        }
        int claimed = 0;
        String cursor = "0-0";
        do {
            ClaimedMessages<String, byte[]> batch = reader.sync().xautoclaim(settings.name(),
                    XAutoClaimArgs.Builder.xautoclaim(consumer, settings.claimIdle(), cursor).count(resilience.batchSize()));
            for (StreamMessage<String, byte[]> message : batch.getMessages()) {
                deliver(message);
                claimed++;
            }
            cursor = batch.getId();
        } while (!"0-0".equals(cursor));
        if (own + claimed > 0) {
            log.info("Redelivering {} pending entries of stream {} ({} claimed from other consumers)",
                    own + claimed, settings.name(), claimed);
        }
    }

    @Override
    protected void consume() throws InterruptedException {
        XReadArgs args = XReadArgs.Builder.block(settings.blockTimeout()).count(resilience.batchSize());
        while (running()) {
            if (!awaitResumed()) {
                return;
            }
            List<StreamMessage<String, byte[]>> messages = reader.sync().xreadgroup(consumer, args,
                    XReadArgs.StreamOffset.lastConsumed(settings.name()));
            for (StreamMessage<String, byte[]> message : messages) {
                deliver(message);
            }
        }
    }

    private void deliver(StreamMessage<String, byte[]> message) throws InterruptedException {
        String id = message.getId();
        outstanding.add(id);
        Map<String, byte[]> body = message.getBody();
        byte[] json = body.get(settings.field());
        if (json != null) {
            JsonPayloads.deliver(json, sink, () -> acknowledge(id));
            return;
        }
        // An entry written by another tool: its fields become the event, as strings.
        Map<String, Object> event = new LinkedHashMap<>();
        body.forEach((field, value) -> event.put(field, new String(value, StandardCharsets.UTF_8)));
        sink.accept(event, () -> acknowledge(id));
    }

    private void acknowledge(String id) {
        outstanding.remove(id);
        StatefulRedisConnection<String, byte[]> connection = acks;
        try {
            if (connection == null || !connection.isOpen()) {
                throw new IllegalStateException("not connected");
            }
            connection.async().xack(settings.name(), group, id).whenComplete((count, error) -> {
                if (error != null) {
                    failedAcks.add(id);
                }
            });
        } catch (RuntimeException e) {
            failedAcks.add(id);
            errors.warn("XACK on stream " + settings.name() + " failed; it is retried after the reconnect", e);
        }
    }

    @Override
    protected void disconnect() {
        acks = null;
        RedisListSubscriber.closeQuietly(reader);
        reader = null;
        if (client != null) {
            client.shutdownAsync();
            client = null;
        }
    }
}
