package io.dishtayantra.runtime.connector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.runtime.connector.testing.ChildRuntime;
import io.dishtayantra.runtime.connector.testing.KafkaTestCluster;
import io.dishtayantra.runtime.connector.testing.Manifests;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka to a DAG to Kafka through the real engine, in this JVM and in a child JVM that is killed. */
class KafkaPipelineTest {

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    /**
     * Returns a manifest whose consumer uses a 6 s session timeout (the broker's minimum), so that
     * the group drops a killed member quickly instead of after the default 45 s.
     */
    private static String manifest(String name, String input, String output) {
        return """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s}
                spec:
                  subscribers:
                    - name: in
                      uri: kafka://topic/%s
                      config: {bootstrapServers: "%s", max.poll.records: 1000, session.timeout.ms: 6000}
                  publishers:
                    - name: out
                      uri: kafka://topic/%s
                      config: {bootstrapServers: "%s", partitionKey: account}
                  calculators:
                    - name: fill
                      type: ApplyDefaults
                      config: {defaults: {desk: G10}}
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: enrich, type: Calculation, calculator: fill}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: enrich}, {from: enrich, to: emit}]
                """.formatted(name, input, kafka.bootstrapServers(), output, kafka.bootstrapServers());
    }

    private static void produce(String topic, int from, int to) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        properties.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, "{\"id\":" + i + ",\"account\":\"a" + (i % 50) + "\"}"));
            }
            producer.flush();
        }
    }

    /** Reads the whole topic from the start and counts how often each id arrived. */
    private static final class OutputReader implements AutoCloseable {
        final Map<Integer, Integer> counts = new HashMap<>();
        int records;
        int withDesk;
        private final KafkaConsumer<String, String> consumer;

        OutputReader(String topic) {
            Properties properties = new Properties();
            properties.put("bootstrap.servers", kafka.bootstrapServers());
            properties.put("group.id", "reader-" + topic);
            properties.put("auto.offset.reset", "earliest");
            consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic));
        }

        int distinct() {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                String value = record.value();
                int start = value.indexOf("\"id\":") + 5;
                int end = value.indexOf(',', start);
                counts.merge(Integer.parseInt(value.substring(start, end)), 1, Integer::sum);
                records++;
                if (value.contains("\"desk\":\"G10\"")) {
                    withDesk++;
                }
            }
            return counts.size();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    @Test
    void tenThousandEventsKafkaDagKafkaNoneLost() throws Exception {
        int total = 10_000;
        kafka.createTopic("pipe-in", 3);
        kafka.createTopic("pipe-out", 3);
        produce("pipe-in", 0, total);

        try (Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(10)));
                OutputReader reader = new OutputReader("pipe-out")) {
            DagInstance dag = engine.deploy(Manifests.dag(manifest("kafka-pipe", "pipe-in", "pipe-out")), Path.of("."));
            dag.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> reader.distinct() == total);
            await().atMost(Duration.ofSeconds(20)).until(() -> kafka.committedOffsets("kafka-pipe-in").values().stream()
                    .mapToLong(Long::longValue).sum() == total);
            assertThat(reader.withDesk).isEqualTo(reader.records);
            System.out.printf("Kafka -> DAG -> Kafka: %d events, %d records out (%d duplicates)%n",
                    total, reader.records, reader.records - total);
        }
    }

    @Test
    void killedRuntimeRestartsWithoutLoss(@TempDir Path folder) throws Exception {
        int total = 5_000;
        kafka.createTopic("kill-in", 3);
        kafka.createTopic("kill-out", 3);
        Path manifest = folder.resolve("kafka-kill.yaml");
        Files.writeString(manifest, manifest("kafka-kill", "kill-in", "kill-out"), StandardCharsets.UTF_8);
        produce("kill-in", 0, total);

        try (OutputReader reader = new OutputReader("kill-out")) {
            try (ChildRuntime first = new ChildRuntime(manifest, folder.resolve("first.log"), Map.of())) {
                first.start();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10))
                        .failFast("the runtime exited", () -> !first.alive())
                        .until(() -> reader.distinct() >= 1_000);
                first.kill();
            }
            int beforeRestart = reader.distinct();
            assertThat(beforeRestart).as("killed mid-stream").isLessThan(total);

            try (ChildRuntime second = new ChildRuntime(manifest, folder.resolve("second.log"), Map.of())) {
                second.start();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                        .failFast("the runtime exited", () -> !second.alive())
                        .until(() -> reader.distinct() == total);
            }
            System.out.printf("Kafka kill -9 after %d events: %d distinct of %d, %d records (%d duplicates)%n",
                    beforeRestart, reader.distinct(), total, reader.records, reader.records - total);
            assertThat(reader.counts).hasSize(total);
        }
    }
}
