package io.dishtayantra.bench.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** One KRaft broker (combined with its controller) in this JVM, set up for a single node. */
final class InProcessKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final Admin admin;

    private InProcessKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
    }

    static InProcessKafka start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                // A single node cannot hold the default three replicas of the internal topics.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new InProcessKafka(cluster);
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Creates a topic and waits until every partition replies to ListOffsets: a just-created topic
     * can reject writes for a moment even though it already has a leader.
     */
    void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        for (int partition = 0; partition < partitions; partition++) {
            TopicPartition topicPartition = new TopicPartition(name, partition);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    admin.listOffsets(Map.of(topicPartition, OffsetSpec.latest())).all().get(5, TimeUnit.SECONDS);
                    break;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /** Returns the number of records in the topic: the sum of its partitions' end offsets. */
    long records(String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    /**
     * Commits an offset for a throwaway group, so the broker creates and loads the offsets topic
     * now and neither timed run pays for it.
     */
    void loadGroupCoordinator() {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers(), "group.id", "bench-warm-up");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition("bench-in", 0);
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)), java.time.Duration.ofSeconds(60));
        }
    }

    @Override
    public void close() throws Exception {
        admin.close();
        cluster.close();
    }
}
