package io.dishtayantra.runtime.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.connector.testing.ChildRuntime;
import io.dishtayantra.runtime.connector.testing.KafkaTestCluster;
import io.dishtayantra.runtime.connector.testing.Manifests;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active and standby runtimes of one DAG under Leases on the fabric8 mock API server, with a real
 * in-process Kafka broker: a killed active pod, a partitioned active pod, and three instances
 * splitting one topic.
 */
class LeaseFailoverTest {

    /** Short timings so that a failover takes seconds; a Lease stores whole seconds. */
    private static final LeaseTimings TIMINGS =
            new LeaseTimings(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500));

    private static KafkaTestCluster kafka;
    private static MockApiServer api;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = KafkaTestCluster.start();
        api = new MockApiServer();
    }

    @AfterAll
    static void stopServers() throws Exception {
        api.close();
        kafka.close();
    }

    /**
     * Returns a Kafka-to-Kafka DAG. The consumer's 6 s session timeout (the broker's minimum) makes
     * the group drop a killed member quickly instead of after the default 45 s.
     */
    private static String manifest(String name, String input, String output, int parallelism) {
        return """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s}
                spec:
                  runtime:
                    replicas: 2
                    parallelism: %d
                    leaderElection: {leaseDuration: 4s, renewDeadline: 3s, retryPeriod: 500ms}
                  subscribers:
                    - name: in
                      uri: kafka://topic/%s
                      config: {bootstrapServers: "%s", max.poll.records: 500, session.timeout.ms: 6000,
                               heartbeat.interval.ms: 1000}
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
                """.formatted(name, parallelism, input, kafka.bootstrapServers(), output, kafka.bootstrapServers());
    }

    /** Produces events {@code from..to-1} in batches of {@code batch} every {@code pause}, until done or stopped. */
    private static Thread produceSteadily(String topic, int from, int to, int batch, Duration pause, AtomicBoolean stop,
            AtomicInteger produced) {
        return Thread.ofPlatform().name("producer-" + topic).start(() -> {
            Properties properties = new Properties();
            properties.put("bootstrap.servers", kafka.bootstrapServers());
            properties.put("linger.ms", "5");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
                for (int i = from; i < to && !stop.get(); i++) {
                    // Keyed, so that every partition receives events; unkeyed batches stick to a few.
                    producer.send(new ProducerRecord<>(topic, Integer.toString(i),
                            "{\"id\":" + i + ",\"account\":\"a" + (i % 60) + "\"}"));
                    produced.set(i + 1 - from);
                    if ((i - from + 1) % batch == 0) {
                        producer.flush();
                        TimeUnit.MILLISECONDS.sleep(pause.toMillis());
                    }
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Map<String, String> clusterEnvironment(String pod, String namespace, Path kubeconfig) {
        return Map.of("DISHTAYANTRA_MODE", "cluster", "POD_NAME", pod, "POD_NAMESPACE", namespace,
                "KUBECONFIG", kubeconfig.toString());
    }

    @Test
    void killedActiveFailsOverWithoutLoss(@TempDir Path folder) throws Exception {
        int total = 10_000;
        String namespace = "failover";
        kafka.createTopic("fo-in", 6);
        kafka.createTopic("fo-out", 6);
        Path manifest = folder.resolve("fo-dag.yaml");
        Files.writeString(manifest, manifest("fo-dag", "fo-in", "fo-out", 1), StandardCharsets.UTF_8);
        Path kubeconfig = MockApiServer.writeKubeconfig(folder.resolve("kubeconfig"), api.port(), namespace);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger produced = new AtomicInteger();

        try (TopicCounter output = new TopicCounter(kafka.bootstrapServers(), "fo-out");
                ChildRuntime podA = new ChildRuntime(manifest, folder.resolve("runtime-a.log"),
                        clusterEnvironment("runtime-a", namespace, kubeconfig));
                ChildRuntime podB = new ChildRuntime(manifest, folder.resolve("runtime-b.log"),
                        clusterEnvironment("runtime-b", namespace, kubeconfig))) {
            podA.start();
            podB.start();
            await().atMost(Duration.ofSeconds(60)).failFast("a runtime exited", () -> !podA.alive() || !podB.alive())
                    .until(() -> api.holder(namespace, "fo-dag") != null
                            && Files.readString(folder.resolve("runtime-a.log")).contains("competing for Leases")
                            && Files.readString(folder.resolve("runtime-b.log")).contains("competing for Leases"));
            String activePod = api.holder(namespace, "fo-dag");
            String standbyPod = activePod.equals("runtime-a") ? "runtime-b" : "runtime-a";
            ChildRuntime active = activePod.equals("runtime-a") ? podA : podB;
            ChildRuntime standby = active == podA ? podB : podA;
            Path standbyLog = folder.resolve(standbyPod + ".log");

            Thread producer = produceSteadily("fo-in", 0, total, 250, Duration.ofMillis(150), stop, produced);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> output.distinct() >= 2_500);
            long beforeKill = output.distinct();
            assertThat(Files.readString(standbyLog)).as("standby opened a subscription")
                    .doesNotContain("Kafka consumer joined group");

            active.kill();
            long killedAt = System.nanoTime();
            Duration bound = TIMINGS.leaseDuration().plus(TIMINGS.renewDeadline());
            await().atMost(bound).pollInterval(Duration.ofMillis(20))
                    .until(() -> standbyPod.equals(api.holder(namespace, "fo-dag")));
            long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);

            producer.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(produced.get()).as("events produced").isEqualTo(total);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .failFast("the standby exited", () -> !standby.alive())
                    .until(() -> output.distinct() == total);

            System.out.printf("Lease failover after kill -9 at %d of %d events: Lease taken over %d ms after the kill,"
                    + " %d records out, %d duplicates%n", beforeKill, total, takeoverMillis, output.records(),
                    output.records() - total);
            assertThat(output.counts()).as("distinct events out").hasSize(total);
            assertThat(Files.readString(standbyLog)).contains("acquired Lease fo-dag");
        } finally {
            stop.set(true);
        }
    }

    @Test
    void partitionedActiveStopsIntakeBeforeLeaseExpires(@TempDir Path folder) throws Exception {
        String namespace = "partitioned";
        kafka.createTopic("part-in", 3);
        kafka.createTopic("part-out", 3);
        Dag dag = Manifests.dag(manifest("part-dag", "part-in", "part-out", 1));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger produced = new AtomicInteger();

        try (FreezableProxy proxy = new FreezableProxy(api.port());
                KubernetesClient clientA = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:" + proxy.port()).withNamespace(namespace).build()).build();
                KubernetesClient clientB = api.newClient();
                Engine engineA = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(5)));
                Engine engineB = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(5)));
                TopicCounter output = new TopicCounter(kafka.bootstrapServers(), "part-out")) {
            RecordingLifecycle a = new RecordingLifecycle(new LeasedDag(engineA, dag, folder));
            RecordingLifecycle b = new RecordingLifecycle(new LeasedDag(engineB, dag, folder));
            try (LeaseCoordinator coordinatorA = new LeaseCoordinator(clientA, "part-dag", namespace, "pod-a", TIMINGS, () -> 1, a);
                    LeaseCoordinator coordinatorB = new LeaseCoordinator(clientB, "part-dag", namespace, "pod-b", TIMINGS, () -> 1, b)) {
                coordinatorA.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> coordinatorA.role().active());
                coordinatorB.start();
                Thread producer = produceSteadily("part-in", 0, 1_000_000, 100, Duration.ofMillis(50), stop, produced);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> output.distinct() >= 500);
                assertThat(coordinatorB.role().active()).as("standby active while the active renews").isFalse();

                proxy.freeze();
                Lease lastRenewed = api.lease(namespace, "part-dag");
                Instant expiry = lastRenewed.getSpec().getRenewTime().toInstant().plus(TIMINGS.leaseDuration());
                assertThat(lastRenewed.getSpec().getHolderIdentity()).isEqualTo("pod-a");

                await().atMost(Duration.ofSeconds(30)).until(() -> coordinatorB.role().active());
                stop.set(true);
                producer.join(TimeUnit.SECONDS.toMillis(30));

                assertThat(a.deactivationEnded).as("partitioned pod stopped its DAG").isNotNull();
                assertThat(a.deactivationEnded).as("partitioned pod stopped intake before its Lease expired")
                        .isBefore(expiry);
                assertThat(a.deactivationEnded).as("partitioned pod stopped before the standby started")
                        .isBefore(b.activationStarted);
                assertThat(b.activationStarted).as("standby waited for the Lease to expire").isAfter(expiry);
                assertThat(coordinatorA.role().active()).as("partitioned pod active").isFalse();

                proxy.thaw();
                int total = produced.get();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> output.distinct() == total);
                // After the partition heals, the old active finds the Lease held and stays standby.
                TimeUnit.MILLISECONDS.sleep(TIMINGS.retryPeriod().toMillis() * 4);
                assertThat(coordinatorA.role().active()).as("old active after the partition healed").isFalse();
                assertThat(api.holder(namespace, "part-dag")).isEqualTo("pod-b");
                assertThat(a.activations).as("activations of the partitioned pod").isEqualTo(1);
                System.out.printf("Partitioned active: intake stopped %d ms before Lease expiry; standby started %d ms"
                        + " after it; %d events, %d records out%n",
                        Duration.between(a.deactivationEnded, expiry).toMillis(),
                        Duration.between(expiry, b.activationStarted).toMillis(), total, output.records());
            }
        } finally {
            stop.set(true);
        }
    }

    @Test
    void threeInstancesSplitSixPartitions(@TempDir Path folder) throws Exception {
        int total = 6_000;
        String namespace = "scale-out";
        kafka.createTopic("split-in", 6);
        kafka.createTopic("split-out", 6);
        Dag dag = Manifests.dag(manifest("split-dag", "split-in", "split-out", 3));
        List<Engine> engines = new ArrayList<>();
        List<KubernetesClient> clients = new ArrayList<>();
        List<LeasedDag> leased = new ArrayList<>();
        List<LeaseCoordinator> coordinators = new ArrayList<>();
        try (TopicCounter output = new TopicCounter(kafka.bootstrapServers(), "split-out")) {
            for (int pod = 0; pod < 3; pod++) {
                Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(5)));
                KubernetesClient client = api.newClient();
                LeasedDag instance = new LeasedDag(engine, dag, folder);
                LeaseCoordinator coordinator = new LeaseCoordinator(client, "split-dag", namespace, "pod-" + pod,
                        TIMINGS, new ParallelismSource(dag, null), instance);
                engines.add(engine);
                clients.add(client);
                leased.add(instance);
                coordinators.add(coordinator);
                coordinator.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> coordinators.stream().allMatch(c -> c.role().active()));
            Set<Integer> indexes = new TreeSet<>();
            coordinators.forEach(coordinator -> indexes.add(coordinator.role().index()));
            assertThat(indexes).containsExactly(0, 1, 2);
            Set<String> holders = new TreeSet<>();
            for (int index = 0; index < 3; index++) {
                Lease lease = api.lease(namespace, "split-dag-" + index);
                holders.add(lease.getSpec().getHolderIdentity());
                assertThat(lease.getMetadata().getLabels()).containsEntry(LeaseNames.DAG_LABEL, "split-dag");
            }
            assertThat(holders).containsExactly("pod-0", "pod-1", "pod-2");

            // Steady state: every instance owns two partitions before any event is produced.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                ConsumerGroupDescription group = kafka.admin().describeConsumerGroups(List.of("split-dag-in"))
                        .all().get(10, TimeUnit.SECONDS).get("split-dag-in");
                return group.members().size() == 3 && group.members().stream()
                        .mapToInt(member -> member.assignment().topicPartitions().size()).allMatch(size -> size == 2);
            });
            AtomicInteger produced = new AtomicInteger();
            produceSteadily("split-in", 0, total, total, Duration.ZERO, new AtomicBoolean(), produced).join();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> output.distinct() == total);
            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.committedOffsets("split-dag-in").values().stream()
                    .mapToLong(Long::longValue).sum() == total);
            output.distinct();

            assertThat(output.records()).as("records out, duplicates included").isEqualTo(total);
            long sum = 0;
            for (LeasedDag instance : leased) {
                long in = instance.instance().snapshot().eventsIn();
                assertThat(in).as("events into one instance").isPositive();
                sum += in;
            }
            assertThat(sum).as("events into all instances").isEqualTo(total);
        } finally {
            coordinators.forEach(LeaseCoordinator::close);
            engines.forEach(Engine::shutdown);
            clients.forEach(KubernetesClient::close);
        }
    }
}
