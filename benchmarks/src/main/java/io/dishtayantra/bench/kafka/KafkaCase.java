package io.dishtayantra.bench.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.bench.Load;
import io.dishtayantra.bench.ResultRow;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.v1alpha1.PublisherSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Case 3: topic -> ApplyDefaults -> AttributeNameChange -> AttributeFilterAway -> topic on one
 * in-process KRaft broker, first as a DishtaYantra DAG with kafka:// connectors, then as a Kafka
 * Streams topology with three mapValues steps doing the same work, on the same input topic.
 * Each run is timed from its start until the output topic contains every event, so consumer group
 * start-up is included for both.
 */
public final class KafkaCase {

    private static final int PARTITIONS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Client settings given to both sides, so they batch, acknowledge and fetch alike. They are
     * the defaults of the Kafka 4.3 clients, which DishtaYantra's connectors use as they are:
     * Kafka Streams overrides linger.ms to 100 and max.poll.records to 1000, and this case sets
     * them back. Both sides keep the client defaults for batch.size (16 KiB), compression.type
     * (none), acks (all), enable.idempotence (true, which kafka:// publishers always set) and
     * the fetch sizes.
     */
    private static final Map<String, String> PRODUCER_SETTINGS = Map.of("linger.ms", "5");
    private static final Map<String, String> CONSUMER_SETTINGS = Map.of("max.poll.records", "500");
    /** Commit interval set on both sides below, equal to the kafka:// default commitInterval. */
    private static final String COMMIT_INTERVAL_MS = "1000";

    private final long events;

    public KafkaCase(long events) {
        this.events = events;
    }

    public List<ResultRow> run() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            kafka.createTopic("bench-in", PARTITIONS);
            kafka.createTopic("bench-out-dishtayantra", PARTITIONS);
            kafka.createTopic("bench-out-streams", PARTITIONS);
            produceInput(kafka);
            kafka.loadGroupCoordinator();

            double dishtaYantra = runDag(kafka);
            double streams = runStreams(kafka);
            List<ResultRow> rows = new ArrayList<>();
            rows.add(row("DishtaYantra DAG, kafka:// in and out", dishtaYantra, ""));
            rows.add(row("Kafka Streams 4.3.1, 3 x mapValues", streams, ""));
            rows.add(new ResultRow("kafka end to end", "ratio DishtaYantra / Kafka Streams", Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, "-", String.format("%.2f", dishtaYantra / streams)));
            return rows;
        }
    }

    private ResultRow row(String variant, double throughput, String notes) {
        return new ResultRow("kafka end to end", variant, throughput, Double.NaN, Double.NaN, Double.NaN, "-",
                String.format("%,d events of ~200 B, %d partitions, broker in the same JVM; load %s%s", events,
                        PARTITIONS, Load.oneMinute(), notes));
    }

    private void produceInput(InProcessKafka kafka) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>("bench-in", JSON.writeValueAsBytes(tradeEvent(i))));
            }
            producer.flush();
        }
    }

    private double runDag(InProcessKafka kafka) throws Exception {
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            long start = System.nanoTime();
            DagInstance dag = engine.deploy(chain(kafka.bootstrapServers()), Path.of("."));
            dag.start();
            long end = awaitRecords(kafka, "bench-out-dishtayantra");
            return events / ((end - start) / 1e9);
        }
    }

    private double runStreams(InProcessKafka kafka) throws Exception {
        Map<String, Object> defaults = Map.of("trader", "unassigned", "ccy", "GBP");
        Map<String, String> names = Map.of("sym", "symbol", "qty", "quantity", "px", "price");
        List<String> dropped = List.of("account", "book");
        Serde<Map<String, Object>> json = Serdes.serdeFrom(jsonSerializer(), jsonDeserializer());

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("bench-in", Consumed.with(Serdes.ByteArray(), json))
                .mapValues(event -> {
                    Map<String, Object> output = new LinkedHashMap<>(event);
                    defaults.forEach((name, value) -> {
                        if (output.get(name) == null) {
                            output.put(name, value);
                        }
                    });
                    return output;
                })
                .mapValues(event -> {
                    Map<String, Object> output = new LinkedHashMap<>();
                    event.forEach((name, value) -> {
                        String newName = names.get(name);
                        if (newName == null) {
                            output.putIfAbsent(name, value);
                        } else {
                            output.put(newName, value);
                        }
                    });
                    return output;
                })
                .mapValues(event -> {
                    Map<String, Object> output = new LinkedHashMap<>(event);
                    output.keySet().removeAll(dropped);
                    return output;
                })
                .to("bench-out-streams", Produced.with(Serdes.ByteArray(), json));

        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-streams");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        PRODUCER_SETTINGS.forEach((key, value) -> properties.put(StreamsConfig.producerPrefix(key), value));
        CONSUMER_SETTINGS.forEach((key, value) -> properties.put(StreamsConfig.consumerPrefix(key), value));
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        properties.put(StreamsConfig.STATE_DIR_CONFIG,
                Path.of(System.getProperty("java.io.tmpdir"), "dishtayantra-bench-streams").toString());
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            long end = awaitRecords(kafka, "bench-out-streams");
            return events / ((end - start) / 1e9);
        }
    }

    /** Polls the output topic's end offsets every 50 ms; returns the time all events were there. */
    private long awaitRecords(InProcessKafka kafka, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (kafka.records(topic, PARTITIONS) < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Output topic " + topic + " did not reach " + events
                        + " records within 5 minutes");
            }
            Thread.sleep(50);
        }
        return System.nanoTime();
    }

    private Dag chain(String bootstrapServers) {
        DagSpec spec = new DagSpec();
        SubscriberSpec in = new SubscriberSpec();
        in.setName("in");
        in.setUri("kafka://topic/bench-in");
        Map<String, Object> inConfig = new LinkedHashMap<>(CONSUMER_SETTINGS);
        inConfig.put("bootstrapServers", bootstrapServers);
        inConfig.put("commitInterval", COMMIT_INTERVAL_MS + "ms");
        in.setConfig(inConfig);
        spec.getSubscribers().add(in);
        PublisherSpec out = new PublisherSpec();
        out.setName("out");
        out.setUri("kafka://topic/bench-out-dishtayantra");
        Map<String, Object> outConfig = new LinkedHashMap<>(PRODUCER_SETTINGS);
        outConfig.put("bootstrapServers", bootstrapServers);
        out.setConfig(outConfig);
        spec.getPublishers().add(out);

        spec.getCalculators().add(new ComponentSpec("defaults", "ApplyDefaults",
                Map.of("defaults", Map.of("trader", "unassigned", "ccy", "GBP"))));
        spec.getCalculators().add(new ComponentSpec("rename", "AttributeNameChange",
                Map.of("nameMapping", Map.of("sym", "symbol", "qty", "quantity", "px", "price"))));
        spec.getCalculators().add(new ComponentSpec("drop", "AttributeFilterAway",
                Map.of("filterAttributes", List.of("account", "book"))));
        spec.getNodes().add(node("ingest", "Subscription", n -> n.setSubscriber("in")));
        spec.getNodes().add(node("apply-defaults", "Calculation", n -> n.setCalculator("defaults")));
        spec.getNodes().add(node("rename-fields", "Calculation", n -> n.setCalculator("rename")));
        spec.getNodes().add(node("drop-fields", "Calculation", n -> n.setCalculator("drop")));
        spec.getNodes().add(node("emit", "Publication", n -> n.setPublishers(List.of("out"))));
        spec.getEdges().add(new EdgeSpec("ingest", "apply-defaults"));
        spec.getEdges().add(new EdgeSpec("apply-defaults", "rename-fields"));
        spec.getEdges().add(new EdgeSpec("rename-fields", "drop-fields"));
        spec.getEdges().add(new EdgeSpec("drop-fields", "emit"));

        Dag dag = new Dag();
        dag.setMetadata(new ObjectMetaBuilder().withName("bench-kafka").build());
        dag.setSpec(spec);
        return dag;
    }

    private static NodeSpec node(String name, String type, java.util.function.Consumer<NodeSpec> fields) {
        NodeSpec node = new NodeSpec();
        node.setName(name);
        node.setType(type);
        fields.accept(node);
        return node;
    }

    /** Creates a trade event like the engine case's, about 200 bytes as JSON. */
    private static Map<String, Object> tradeEvent(long i) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", i);
        event.put("sym", "VOD.L");
        event.put("side", (i & 1) == 0 ? "BUY" : "SELL");
        event.put("qty", 100 + (i % 5000));
        event.put("px", 72.35 + (i % 100) / 100.0);
        event.put("account", "ACC-00042");
        event.put("venue", "XLON");
        event.put("trader", null);
        event.put("book", "EQ-LDN-CASH");
        event.put("note", "benchmark event " + i);
        event.put("desk", "cash-equities-london");
        return event;
    }

    private static Serializer<Map<String, Object>> jsonSerializer() {
        return (topic, value) -> {
            try {
                return JSON.writeValueAsBytes(value);
            } catch (Exception e) {
                throw new IllegalStateException("Writing JSON failed", e);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Deserializer<Map<String, Object>> jsonDeserializer() {
        return (topic, bytes) -> {
            try {
                return JSON.readValue(bytes, LinkedHashMap.class);
            } catch (Exception e) {
                throw new IllegalStateException("Reading JSON failed: " + new String(bytes, StandardCharsets.UTF_8), e);
            }
        };
    }
}
