package io.dishtayantra.runtime.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.KafkaTestCluster;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaConnectorTest {

    private static KafkaTestCluster kafka;
    private final KafkaConnectorKind kind = new KafkaConnectorKind();

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    private Map<String, Object> config(Object... extra) {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("bootstrapServers", kafka.bootstrapServers());
        config.put("reconnectDelay", "100ms");
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    private Subscriber subscribe(String dag, String topic, CollectingSink sink, Map<String, Object> config) throws Exception {
        String uri = "kafka://topic/" + topic;
        Subscriber subscriber = kind.createSubscriber(URI.create(uri), config);
        subscriber.start(TestConnectorContext.of(dag, "in", uri, config), sink);
        return subscriber;
    }

    private Publisher publisher(String topic, Map<String, Object> config) throws Exception {
        String uri = "kafka://topic/" + topic;
        Publisher publisher = kind.createPublisher(URI.create(uri), config);
        publisher.start(TestConnectorContext.of("dag", "out", uri, config));
        return publisher;
    }

    private void produceRaw(String topic, String... payloads) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String payload : payloads) {
                producer.send(new ProducerRecord<>(topic, payload.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    @Test
    void roundTripDeliversEveryEventWithKeys() throws Exception {
        kafka.createTopic("round-trip", 3);
        List<RecordingCompletion> completions = new ArrayList<>();
        try (Publisher publisher = publisher("round-trip", config("partitionKey", "account"))) {
            for (int i = 0; i < 50; i++) {
                RecordingCompletion completion = new RecordingCompletion();
                publisher.publish(Map.of("id", i, "account", "acct-" + (i % 5)), completion);
                completions.add(completion);
            }
            publisher.flush();
        }
        for (RecordingCompletion completion : completions) {
            completion.await(10);
        }

        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("roundtrip", "round-trip", sink, config())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.events.size() >= 50);
        }
        assertThat(sink.field("id")).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 50).boxed().toList());

        Map<String, Set<Integer>> partitionsByKey = new java.util.HashMap<>();
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        properties.put("group.id", "key-check");
        properties.put("auto.offset.reset", "earliest");
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                properties, new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of("round-trip"));
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen < 50 && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    partitionsByKey.computeIfAbsent(record.key(), key -> new HashSet<>()).add(record.partition());
                    seen++;
                }
            }
        }
        assertThat(partitionsByKey).hasSize(5);
        assertThat(partitionsByKey.values()).as("each account's records on one partition").allMatch(set -> set.size() == 1);
    }

    @Test
    void rebalanceRedeliversUnacknowledgedToNewOwner() throws Exception {
        kafka.createTopic("rebalance", 4);
        for (int i = 0; i < 40; i++) {
            produceRaw("rebalance", "{\"id\":" + i + "}");
        }
        CollectingSink holding = CollectingSink.holding();
        CollectingSink second = CollectingSink.acknowledging();
        try (Subscriber first = subscribe("rebalance", "rebalance", holding, config())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> holding.events.size() == 40);
            try (Subscriber joining = subscribe("rebalance", "rebalance", second, config())) {
                // The group gives some partitions to the joining member; the first member commits
                // nothing for them, because it acknowledged nothing, so the new owner reads them.
                // Partitions the first member keeps are read again by it (eager rebalance).
                await().atMost(Duration.ofSeconds(60)).until(() -> !second.events.isEmpty());
                holding.startAcknowledging();
                await().atMost(Duration.ofSeconds(30)).until(() -> kafka.committedOffsets("rebalance-in").values().stream()
                        .mapToLong(Long::longValue).sum() == 40);
            }
        }
        Set<Object> ids = new HashSet<>(holding.field("id"));
        ids.addAll(second.field("id"));
        assertThat(ids).hasSize(40);
        System.out.printf("Kafka rebalance: first member took %d, new owner %d (%d delivered twice)%n",
                holding.events.size(), second.events.size(), holding.events.size() + second.events.size() - 40);
    }

    @Test
    void defaultGroupIsDagDashSubscriber() throws Exception {
        kafka.createTopic("group-default", 1);
        produceRaw("group-default", "{\"n\":1}");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("billing", "group-default", sink, config())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.events.size() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> kafka.committedOffsets("billing-in").values().stream().mapToLong(Long::longValue).sum() == 1);
        }
    }

    @Test
    void commitIntervalDefersCommitsUntilStop() throws Exception {
        kafka.createTopic("interval", 1);
        produceRaw("interval", "{\"n\":1}", "{\"n\":2}");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("interval", "interval", sink, config("commitInterval", "1h"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.events.size() == 2);
            // Polls continue every pollTimeout, but the first commit is due only after an hour.
            Thread.sleep(1_500);
            assertThat(kafka.committedOffsets("interval-in").values()).allMatch(offset -> offset == 0);
        }
        assertThat(kafka.committedOffsets("interval-in")).containsValue(2L);
    }

    @Test
    void nonObjectPayloadIsWrappedAndGarbageRejected() throws Exception {
        kafka.createTopic("payloads", 1);
        produceRaw("payloads", "42", "not json at all", "[1,2]", "{\"ok\":true}");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("payloads", "payloads", sink, config())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.events.size() == 3 && sink.rejected.size() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> kafka.committedOffsets("payloads-in").values().stream().mapToLong(Long::longValue).sum() == 4);
        }
        assertThat(sink.events).containsExactly(Map.of("payload", 42), Map.of("payload", List.of(1, 2)), Map.of("ok", true));
        assertThat(sink.rejected.getFirst()).startsWith("not json at all");
    }

    @Test
    void unacknowledgedEventsAreDeliveredAgain() throws Exception {
        kafka.createTopic("held", 2);
        for (int i = 0; i < 10; i++) {
            produceRaw("held", "{\"id\":" + i + "}");
        }
        CollectingSink holding = CollectingSink.holding();
        try (Subscriber subscriber = subscribe("held", "held", holding, config())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> holding.events.size() == 10);
        }
        assertThat(kafka.committedOffsets("held-in").values()).allMatch(offset -> offset == 0);

        CollectingSink second = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("held", "held", second, config())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> second.events.size() == 10);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> kafka.committedOffsets("held-in").values().stream().mapToLong(Long::longValue).sum() == 10);
        }
        assertThat(second.field("id")).containsExactlyInAnyOrderElementsOf(holding.field("id"));
    }

    @Test
    void commitStopsAtFirstUnacknowledgedOffset() throws Exception {
        kafka.createTopic("gap", 1);
        for (int i = 0; i < 5; i++) {
            produceRaw("gap", "{\"id\":" + i + "}");
        }
        List<io.dishtayantra.api.connector.Acknowledgement> acknowledgements = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.dishtayantra.api.connector.EventSink sink = new io.dishtayantra.api.connector.EventSink() {
            @Override
            public void accept(Map<String, Object> event, io.dishtayantra.api.connector.Acknowledgement acknowledgement) {
                acknowledgements.add(acknowledgement);
            }

            @Override
            public void reject(byte[] payload, String reason) {
            }
        };
        String uri = "kafka://topic/gap";
        Map<String, Object> config = config();
        try (Subscriber subscriber = kind.createSubscriber(URI.create(uri), config)) {
            subscriber.start(TestConnectorContext.of("gap", "in", uri, config), sink);
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledgements.size() == 5);
            acknowledgements.get(0).acknowledge();
            acknowledgements.get(1).acknowledge();
            acknowledgements.get(3).acknowledge();
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.committedOffsets("gap-in").values().contains(2L));
            acknowledgements.get(2).acknowledge();
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.committedOffsets("gap-in").values().contains(4L));
        }
    }

    @Test
    void pausedSubscriberTakesNothing() throws Exception {
        kafka.createTopic("paused", 1);
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("paused", "paused", sink, config())) {
            produceRaw("paused", "{\"id\":1}");
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.events.size() == 1);
            subscriber.pause();
            Thread.sleep(300);
            produceRaw("paused", "{\"id\":2}");
            Thread.sleep(1500);
            assertThat(sink.events).hasSize(1);
            subscriber.resume();
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 2);
        }
    }

    @Test
    void brokerRestartUnderLoadLosesNothing() throws Exception {
        kafka.createTopic("restart", 2);
        int total = 2000;
        CollectingSink sink = CollectingSink.acknowledging();
        List<RecordingCompletion> completions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Subscriber subscriber = subscribe("restart", "restart", sink, config());
                Publisher publisher = publisher("restart", config("partitionKey", "id"))) {
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < total; i++) {
                        RecordingCompletion completion = new RecordingCompletion();
                        publisher.publish(Map.of("id", i), completion);
                        completions.add(completion);
                        if (i % 100 == 0) {
                            Thread.sleep(20);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.events.size() > 200);
            kafka.stopBroker();
            Thread.sleep(2000);
            kafka.startBroker();
            producer.join(Duration.ofSeconds(120));
            publisher.flush();
            for (RecordingCompletion completion : completions) {
                completion.await(60);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> new HashSet<>(sink.field("id")).size() == total);
        }
        Set<Object> ids = new HashSet<>(sink.field("id"));
        assertThat(ids).hasSize(total);
        System.out.printf("Kafka restart: %d events received for %d sent (%d duplicates)%n",
                sink.events.size(), total, sink.events.size() - total);
    }
}
