package io.dishtayantra.bench.failover;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** One measured failover: two runtime processes, one killed mid-stream. */
final class FailoverRound {

    /** Resources every round shares: the broker, the mock API server and a scratch folder. */
    record Environment(String bootstrapServers, Admin admin, KubernetesClient client, int apiPort, Path folder) {
    }

    /**
     * @param takeoverMillis from the kill until the standby held the Lease
     * @param outputGapMillis longest pause between output records from one second before the kill on
     * @param duplicates output records beyond the distinct events
     * @param lost events that never reached the output
     */
    record Result(long takeoverMillis, long outputGapMillis, long duplicates, long lost) {
    }

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    private final Environment environment;
    private final String name;
    private final String leaseDuration;
    private final String renewDeadline;
    private final String retryPeriod;
    private final int total;
    private final int ratePerSecond;

    FailoverRound(Environment environment, String name, String leaseDuration, String renewDeadline, String retryPeriod,
            int total, int ratePerSecond) {
        this.environment = environment;
        this.name = name;
        this.leaseDuration = leaseDuration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
        this.total = total;
        this.ratePerSecond = ratePerSecond;
    }

    Result run() throws Exception {
        String input = name + "-in";
        String output = name + "-out";
        FailoverCase.createTopic(environment.admin(), input);
        FailoverCase.createTopic(environment.admin(), output);
        Path manifest = environment.folder().resolve(name + ".yaml");
        Files.writeString(manifest, manifest(input, output), StandardCharsets.UTF_8);
        Path kubeconfig = FailoverCase.writeKubeconfig(environment.folder().resolve(name + ".kubeconfig"),
                environment.apiPort(), name);

        AtomicBoolean stop = new AtomicBoolean();
        List<Process> processes = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = reader(output)) {
            Process podA = start(manifest, kubeconfig, "pod-a");
            processes.add(podA);
            Process podB = start(manifest, kubeconfig, "pod-b");
            processes.add(podB);
            awaitStandbyReady();
            String active = FailoverCase.holder(environment.client(), name, name);
            Process activeProcess = active.equals("pod-a") ? podA : podB;
            String standby = active.equals("pod-a") ? "pod-b" : "pod-a";

            Map<Integer, Integer> counts = new HashMap<>();
            List<Long> arrivals = new ArrayList<>();
            Thread producer = FailoverCase.produce(environment.bootstrapServers(), input, total, ratePerSecond, stop);
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            while (counts.size() < total / 3 && System.nanoTime() < deadline) {
                read(reader, counts, arrivals);
            }

            activeProcess.destroyForcibly();
            long killedAt = System.nanoTime();
            AtomicLong takenOverAt = new AtomicLong();
            Thread watcher = Thread.ofPlatform().name("lease-watch-" + name).start(() -> {
                while (takenOverAt.get() == 0 && !stop.get()) {
                    if (standby.equals(FailoverCase.holder(environment.client(), name, name))) {
                        takenOverAt.set(System.nanoTime());
                    }
                    try {
                        TimeUnit.MILLISECONDS.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            while (counts.size() < total && System.nanoTime() < deadline) {
                read(reader, counts, arrivals);
            }
            producer.join();
            watcher.join(TimeUnit.SECONDS.toMillis(5));
            long records = counts.values().stream().mapToLong(Integer::longValue).sum();
            return new Result(
                    takenOverAt.get() == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(takenOverAt.get() - killedAt),
                    TimeUnit.NANOSECONDS.toMillis(longestGap(arrivals, killedAt - TimeUnit.SECONDS.toNanos(1))),
                    records - counts.size(), total - counts.size());
        } finally {
            stop.set(true);
            for (Process process : processes) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private String manifest(String input, String output) {
        return """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s}
                spec:
                  runtime:
                    replicas: 2
                    leaderElection: {leaseDuration: %s, renewDeadline: %s, retryPeriod: %s}
                  subscribers:
                    - name: in
                      uri: kafka://topic/%s
                      config: {bootstrapServers: "%s", session.timeout.ms: 6000, heartbeat.interval.ms: 1000}
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
                """.formatted(name, leaseDuration, renewDeadline, retryPeriod, input, environment.bootstrapServers(),
                output, environment.bootstrapServers());
    }

    /** Starts {@code dishtayantra run} in cluster mode in a child JVM on this JVM's class path. */
    private Process start(Path manifest, Path kubeconfig, String pod) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), "io.dishtayantra.runtime.cli.DishtaYantraCli",
                "run", "--no-http", manifest.toString())
                .redirectErrorStream(true)
                .redirectOutput(environment.folder().resolve(name + "-" + pod + ".log").toFile());
        builder.environment().putAll(Map.of("DISHTAYANTRA_MODE", "cluster", "POD_NAME", pod, "POD_NAMESPACE", name,
                "KUBECONFIG", kubeconfig.toString()));
        return builder.start();
    }

    /** Waits until one pod holds the Lease and both have started competing. */
    private void awaitStandbyReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (FailoverCase.holder(environment.client(), name, name) != null
                    && logContains("pod-a", "competing for Leases") && logContains("pod-b", "competing for Leases")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("Round " + name + ": no runtime took the Lease within " + STARTUP_TIMEOUT
                + "; see the logs in " + environment.folder());
    }

    private boolean logContains(String pod, String text) throws IOException {
        Path log = environment.folder().resolve(name + "-" + pod + ".log");
        return Files.exists(log) && Files.readString(log).contains(text);
    }

    private KafkaConsumer<String, String> reader(String topic) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", environment.bootstrapServers());
        properties.put("group.id", "bench-reader-" + topic);
        properties.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void read(KafkaConsumer<String, String> reader, Map<Integer, Integer> counts, List<Long> arrivals) {
        for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(20))) {
            String value = record.value();
            int start = value.indexOf("\"id\":") + 5;
            int end = value.indexOf(',', start);
            counts.merge(Integer.parseInt(value.substring(start, end)), 1, Integer::sum);
            arrivals.add(System.nanoTime());
        }
    }

    /** Returns the longest pause between consecutive arrivals at or after {@code from}, in nanoseconds. */
    private static long longestGap(List<Long> arrivals, long from) {
        long longest = 0;
        Long previous = null;
        for (long arrival : arrivals) {
            if (arrival < from) {
                continue;
            }
            if (previous != null) {
                longest = Math.max(longest, arrival - previous);
            }
            previous = arrival;
        }
        return longest;
    }
}
