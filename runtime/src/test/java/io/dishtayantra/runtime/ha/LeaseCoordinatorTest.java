package io.dishtayantra.runtime.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.connector.testing.Manifests;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.dishtayantra.runtime.metrics.InstanceRoleCollector;
import io.dishtayantra.runtime.metrics.RuntimeMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lease handling without a broker: DAGs on in-memory queues, Leases on the mock API server. */
class LeaseCoordinatorTest {

    private static final LeaseTimings TIMINGS =
            new LeaseTimings(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static MockApiServer api;

    @BeforeAll
    static void startServer() {
        api = new MockApiServer();
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    private static Dag memDag(String name, String calculatorType) {
        return Manifests.dag("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/%s-in"}]
                  publishers: [{name: out, uri: "mem://queue/%s-out"}]
                  calculators: [{name: step, type: %s}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in, calculator: step}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """.formatted(name, name, name, calculatorType));
    }

    @Test
    void failedStartLeavesLeaseToOthers(@TempDir Path folder) {
        String namespace = "failed-start";
        try (KubernetesClient clientA = api.newClient();
                KubernetesClient clientB = api.newClient();
                Engine engineA = new Engine(EngineServices.fromClassPath());
                Engine engineB = new Engine(EngineServices.fromClassPath())) {
            // Pod A runs an image without the calculator's class, so its DAG cannot start.
            LeasedDag broken = new LeasedDag(engineA, memDag("pricing", "com.example.MissingCalculator"), folder);
            LeasedDag healthy = new LeasedDag(engineB, memDag("pricing", "Passthru"), folder);
            try (LeaseCoordinator podA = new LeaseCoordinator(clientA, "pricing", namespace, "pod-a", TIMINGS, () -> 1, broken);
                    LeaseCoordinator podB = new LeaseCoordinator(clientB, "pricing", namespace, "pod-b", TIMINGS, () -> 1, healthy)) {
                podA.start();
                await().atMost(TIMEOUT).until(() -> "pod-a".equals(api.holder(namespace, "pricing")));
                podB.start();

                await().atMost(TIMEOUT).until(() -> podB.role().active());
                assertThat(api.holder(namespace, "pricing")).isEqualTo("pod-b");
                assertThat(podA.role().active()).as("pod with the broken image active").isFalse();
                assertThat(healthy.instance().state()).isEqualTo(DagState.RUNNING);
                assertThat(broken.instance().state()).as("broken pod's DAG").isEqualTo(DagState.CREATED);
            }
        }
    }

    @Test
    void roleIsExportedAsMetric(@TempDir Path folder) {
        try (KubernetesClient client = api.newClient();
                Engine engine = new Engine(EngineServices.fromClassPath());
                RuntimeMetrics metrics = new RuntimeMetrics()) {
            metrics.register(new InstanceRoleCollector());
            LeasedDag dag = new LeasedDag(engine, memDag("roles", "Passthru"), folder);
            try (LeaseCoordinator pod = new LeaseCoordinator(client, "roles", "metrics", "pod-a", TIMINGS, () -> 1, dag)) {
                pod.start();
                assertThat(metrics.scrape()).contains("dishtayantra_instance_index{dag=\"roles\"}");
                await().atMost(TIMEOUT).until(() -> pod.role().active());

                String scraped = metrics.scrape();
                assertThat(scraped).contains("dishtayantra_instance_active{dag=\"roles\"} 1.0");
                assertThat(scraped).contains("dishtayantra_instance_index{dag=\"roles\"} 0.0");
            }
            assertThat(metrics.scrape()).as("after the coordinator closed").doesNotContain("dag=\"roles\"");
        }
    }

    @Test
    void parallelismChangeRedistributesLeases(@TempDir Path folder) {
        String namespace = "rescale";
        AtomicInteger parallelism = new AtomicInteger(1);
        try (KubernetesClient clientA = api.newClient();
                KubernetesClient clientB = api.newClient();
                Engine engineA = new Engine(EngineServices.fromClassPath());
                Engine engineB = new Engine(EngineServices.fromClassPath())) {
            LeasedDag dagA = new LeasedDag(engineA, memDag("quotes", "Passthru"), folder);
            LeasedDag dagB = new LeasedDag(engineB, memDag("quotes", "Passthru"), folder);
            try (LeaseCoordinator podA = new LeaseCoordinator(clientA, "quotes", namespace, "pod-a", TIMINGS, parallelism::get, dagA);
                    LeaseCoordinator podB = new LeaseCoordinator(clientB, "quotes", namespace, "pod-b", TIMINGS, parallelism::get, dagB)) {
                podA.start();
                podB.start();
                await().atMost(TIMEOUT).until(() -> podA.role().active() || podB.role().active());
                assertThat(podA.role().active() && podB.role().active()).as("both active with parallelism 1").isFalse();

                parallelism.set(2);
                await().atMost(TIMEOUT).until(() -> podA.role().active() && podB.role().active());
                Set<String> leases = new TreeSet<>(Set.of(podA.role().lease(), podB.role().lease()));
                assertThat(leases).containsExactly("quotes-0", "quotes-1");
                await().atMost(TIMEOUT).until(() -> api.free(namespace, "quotes"));

                parallelism.set(1);
                await().atMost(TIMEOUT).until(() -> podA.role().active() != podB.role().active()
                        && "quotes".equals((podA.role().active() ? podA : podB).role().lease()));
                await().atMost(TIMEOUT).until(() -> api.free(namespace, "quotes-1"));
            }
        }
    }
}
