package io.dishtayantra.runtime.connector.kafka;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumes a Kafka topic in a consumer group and commits an offset only when every event before
 * it was acknowledged by the DAG (at least once). Acknowledgements from any thread mark their
 * offset in {@link PartitionAcks}, and offsets are committed on the consumer thread, because
 * KafkaConsumer is not thread-safe. On a rebalance the acknowledged offsets of revoked
 * partitions are committed and the rest is forgotten, so the new owner receives those events
 * again.
 *
 * <p>NOTE: while the DAG's queue is full the consumer thread waits in {@code EventSink.accept}
 * and does not poll. A wait longer than {@code max.poll.interval.ms} (default 5 minutes) makes
 * the group drop this member, which then rejoins and receives the unacknowledged events again.
 */
final class KafkaSubscriber extends ResilientSubscriber {

    private final java.net.URI uri;
    private KafkaSettings settings;
    private KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, PartitionAcks> partitions = new HashMap<>();
    private boolean consumerPaused;
    private KafkaConnectionWatch watch;

    KafkaSubscriber(java.net.URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return "kafka topic " + (settings == null ? uri : settings.topic());
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = KafkaSettings.from(uri, config);
    }

    String groupId() {
        return settings.groupId() != null ? settings.groupId() : context.dagName() + "-" + context.componentName();
    }

    @Override
    protected void connect() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, context.dagName() + "-" + context.componentName());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.putAll(settings.clientSettings());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(settings.topic()), new Rebalance());
        consumerPaused = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        watch = new KafkaConnectionWatch(current::metrics, context, description());
        log.info("Kafka consumer joined group {} on topic {}", groupId(), settings.topic());
    }

    @Override
    protected void consume() throws InterruptedException {
        Duration pollTimeout = settings.pollTimeout();
        long commitIntervalNanos = settings.commitInterval().toNanos();
        long lastCommit = System.nanoTime();
        try {
            while (running()) {
                applyPause();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                for (TopicPartition partition : records.partitions()) {
                    deliver(partition, records.records(partition));
                }
                long now = System.nanoTime();
                if (now - lastCommit >= commitIntervalNanos) {
                    commitAcknowledged(false);
                    lastCommit = now;
                }
                reportLag();
                watch.check();
            }
        } catch (WakeupException e) {
            // close() woke the consumer; the loop ends because running() is false.
        }
    }

    /** Hands one partition's records to the sink in order, up to a pause. */
    private void deliver(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records)
            throws InterruptedException {
        PartitionAcks tracker = partitions.get(partition);
        if (tracker == null) {
            // Revoked during this poll's rebalance callback; the new owner reads it again.
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (paused()) {
                // Paused while this batch was fetched: leave the rest in Kafka.
                consumer.seek(partition, record.offset());
                return;
            }
            JsonPayloads.deliver(record.value(), sink, tracker.delivered(record.offset()));
        }
    }

    private void applyPause() {
        if (paused() && !consumerPaused) {
            consumer.pause(consumer.assignment());
            consumerPaused = true;
        } else if (!paused() && consumerPaused) {
            consumer.resume(consumer.paused());
            consumerPaused = false;
        } else if (consumerPaused) {
            // Partitions assigned while paused must be paused too.
            consumer.pause(consumer.assignment());
        }
    }

    /** Commits what became committable; consumer thread only. */
    private void commitAcknowledged(boolean synchronous) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((partition, tracker) -> {
            long offset = tracker.committable();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        if (synchronous) {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> markCommitted(partition, offset.offset()));
        } else {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    errors.warn("Offset commit on topic " + settings.topic() + " failed; it is retried with the next commit", error);
                } else {
                    committed.forEach((partition, offset) -> markCommitted(partition, offset.offset()));
                }
            });
        }
    }

    private void markCommitted(TopicPartition partition, long offset) {
        PartitionAcks tracker = partitions.get(partition);
        if (tracker != null) {
            tracker.committed(offset);
        }
    }

    private void reportLag() {
        long lag = 0;
        for (TopicPartition partition : partitions.keySet()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        context.health().lag(lag);
    }

    @Override
    protected void disconnect() {
        if (consumer == null) {
            return;
        }
        try {
            commitAcknowledged(true);
        } catch (RuntimeException e) {
            errors.warn("Final offset commit on topic " + settings.topic() + " failed", e);
        }
        try {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            errors.warn("Closing the Kafka consumer failed", e);
        }
        consumer = null;
        partitions.clear();
    }

    @Override
    protected void wakeUp() {
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Keeps {@link #partitions} in step with the assignment; runs on the consumer thread inside poll. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            try {
                commitAcknowledged(true);
            } catch (RuntimeException e) {
                errors.warn("Offset commit before a rebalance failed; the new owner may receive some events again", e);
            }
            dropPartitions(revoked, "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            dropPartitions(lost, "lost");
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            for (TopicPartition partition : assigned) {
                partitions.put(partition, new PartitionAcks());
            }
            if (!assigned.isEmpty()) {
                log.info("Assigned partitions {} of group {}", assigned, groupId());
            }
        }

        private void dropPartitions(Collection<TopicPartition> dropped, String how) {
            int unacknowledged = 0;
            for (TopicPartition partition : dropped) {
                PartitionAcks tracker = partitions.remove(partition);
                if (tracker != null) {
                    unacknowledged += tracker.unacknowledged();
                }
            }
            if (!dropped.isEmpty()) {
                log.info("Partitions {} {} in group {}; {} unacknowledged events will be delivered again",
                        dropped, how, groupId(), unacknowledged);
            }
        }
    }
}
