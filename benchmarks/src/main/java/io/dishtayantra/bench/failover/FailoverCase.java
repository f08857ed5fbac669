package io.dishtayantra.bench.failover;

import io.dishtayantra.bench.ResultRow;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Case failover: two runtime processes ({@code dishtayantra run} in cluster mode) share one DAG
 * through a Lease on the fabric8 mock API server, and Kafka runs in this process. Events flow at
 * a fixed rate from a 6-partition topic through the DAG to another topic. The active process is
 * killed with SIGKILL a third of the way through. Per round it measures the time from the kill
 * until the standby holds the Lease, the time until output resumes, and the events delivered
 * twice; lost events fail the round.
 *
 * <p>The consumer's session timeout is 6 s (the broker's minimum), so output resumes only once
 * Kafka has dropped the killed member; that bounds the output gap from below whatever the Lease
 * timings are.
 */
public final class FailoverCase {

    /** Held so that the level sticks: the mock logs every request through java.util.logging at INFO. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private static final int PARTITIONS = 6;

    private final int rounds;
    private final int eventsPerRound;
    private final int ratePerSecond;

    /**
     * @param rounds failovers measured with each Lease timing
     * @param eventsPerRound events produced per round
     * @param ratePerSecond offered input rate
     */
    public FailoverCase(int rounds, int eventsPerRound, int ratePerSecond) {
        this.rounds = rounds;
        this.eventsPerRound = eventsPerRound;
        this.ratePerSecond = ratePerSecond;
    }

    /** Runs every round with short Lease timings (4s/3s/500ms), then one with the defaults (15s/10s/2s). */
    public List<ResultRow> run() throws Exception {
        MOCK_LOG.setLevel(Level.WARNING);
        KafkaClusterTestKit kafka = startKafka();
        KubernetesMockServer api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesMixedDispatcher(new HashMap<>()), false);
        api.init(InetAddress.getLoopbackAddress(), 0);
        Path folder = Files.createTempDirectory("dishtayantra-failover");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
                KubernetesClient client = api.createClient()) {
            FailoverRound.Environment environment = new FailoverRound.Environment(kafka.bootstrapServers(), admin,
                    client, api.getPort(), folder);
            List<ResultRow> rows = new ArrayList<>();
            rows.add(measure(environment, "4s", "3s", "500ms", rounds));
            rows.add(measure(environment, "15s", "10s", "2s", 1));
            // The runtime logs stay in the folder when a round fails, for diagnosis.
            deleteRecursively(folder);
            return rows;
        } finally {
            api.destroy();
            kafka.close();
        }
    }

    private ResultRow measure(FailoverRound.Environment environment, String lease, String renew, String retry,
            int count) throws Exception {
        List<FailoverRound.Result> results = new ArrayList<>();
        for (int round = 0; round < count; round++) {
            String name = "failover-" + lease.replace("s", "") + "-" + round;
            FailoverRound.Result result = new FailoverRound(environment, name, lease, renew, retry, eventsPerRound,
                    ratePerSecond).run();
            System.err.printf("failover round %s: Lease taken over %d ms after the kill, output resumed after %d ms,"
                    + " %d duplicates, %d lost%n", name, result.takeoverMillis(), result.outputGapMillis(),
                    result.duplicates(), result.lost());
            if (result.lost() > 0) {
                throw new IllegalStateException("Round " + name + " lost " + result.lost() + " events");
            }
            results.add(result);
        }
        String notes = String.format("kill -9 of the active pod at %,d events/s, %d %s (medians, ranges in"
                + " brackets); Lease taken over after %d ms [%s]; output resumed after %d ms [%s]; duplicates per"
                + " failover %d [%s]; lost 0; Kafka session.timeout.ms 6000",
                ratePerSecond, count, count == 1 ? "round" : "rounds",
                median(results, FailoverRound.Result::takeoverMillis), range(results, FailoverRound.Result::takeoverMillis),
                median(results, FailoverRound.Result::outputGapMillis), range(results, FailoverRound.Result::outputGapMillis),
                median(results, FailoverRound.Result::duplicates), range(results, FailoverRound.Result::duplicates));
        return new ResultRow("failover", "lease " + lease + ", renew " + renew + ", retry " + retry, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, "-", notes);
    }

    private static long median(List<FailoverRound.Result> results, java.util.function.ToLongFunction<FailoverRound.Result> field) {
        long[] values = results.stream().mapToLong(field).sorted().toArray();
        return values[values.length / 2];
    }

    private static String range(List<FailoverRound.Result> results, java.util.function.ToLongFunction<FailoverRound.Result> field) {
        long min = results.stream().mapToLong(field).min().orElse(0);
        long max = results.stream().mapToLong(field).max().orElse(0);
        return min + "–" + max;
    }

    private static KafkaClusterTestKit startKafka() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Creates a topic and waits until every partition replies to ListOffsets, so that writes succeed. */
    static void createTopic(Admin admin, String name) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        for (int partition = 0; partition < PARTITIONS; partition++) {
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

    /** Produces ids {@code 0..total-1} at a fixed rate on its own thread until done or stopped. */
    static Thread produce(String bootstrapServers, String topic, int total, int ratePerSecond, AtomicBoolean stop) {
        return Thread.ofPlatform().name("producer-" + topic).start(() -> {
            Properties properties = new Properties();
            properties.put("bootstrap.servers", bootstrapServers);
            properties.put("linger.ms", "5");
            long start = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < total && !stop.get(); i++) {
                    long due = start + (long) (i * 1e9 / ratePerSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    producer.send(new ProducerRecord<>(topic, "{\"id\":" + i + ",\"account\":\"a" + (i % 60) + "\"}"));
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Returns the Lease's holder, or null. */
    static String holder(KubernetesClient client, String namespace, String name) {
        Lease lease = client.leases().inNamespace(namespace).withName(name).get();
        String holder = lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        return holder == null || holder.isEmpty() ? null : holder;
    }

    static Path writeKubeconfig(Path file, int port, String namespace) throws IOException {
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster: {server: "http://127.0.0.1:%d"}
                users:
                  - name: mock
                    user: {}
                contexts:
                  - name: mock
                    context: {cluster: mock, user: mock, namespace: %s}
                current-context: mock
                """.formatted(port, namespace));
        return file;
    }
}
