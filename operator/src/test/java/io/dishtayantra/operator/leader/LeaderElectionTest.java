package io.dishtayantra.operator.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.MockCluster;
import io.dishtayantra.operator.OperatorFixture;
import io.dishtayantra.operator.TestDags;
import io.dishtayantra.operator.config.LeaderElectionSettings;
import io.dishtayantra.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two operator replicas share one Lease: one reconciles, the other takes over when it stops. */
class LeaderElectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static MockCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new MockCluster();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void followerTakesOverWhenLeaderStops() throws Exception {
        String namespace = MockCluster.uniqueNamespace("leader");
        KubernetesClient clientA = cluster.newClient();
        KubernetesClient clientB = cluster.newClient();
        KubernetesClient client = cluster.client();
        AtomicInteger exits = new AtomicInteger();

        DagOperator first = OperatorFixture.start(clientA, OperatorFixture.config(namespace, true, "replica-a"), exits);
        await().atMost(TIMEOUT).until(() -> first.leader().mayReconcile());
        DagOperator second = OperatorFixture.start(clientB, OperatorFixture.config(namespace, true, "replica-b"), exits);
        try {
            client.resource(TestDags.quoteCleaner(namespace, "before-failover")).create();
            await().atMost(TIMEOUT).until(() -> deploymentExists(client, namespace, "before-failover"));

            assertThat(second.leader().mayReconcile()).as("second replica is leader").isFalse();
            assertThat(second.metrics().startedCount()).as("reconciliations by the follower").isZero();
            assertThat(first.metrics().startedCount()).as("reconciliations by the leader").isPositive();
            assertThat(lease(client, namespace).getSpec().getHolderIdentity()).isEqualTo("replica-a");
            String metrics = scrape(first, "/metrics");
            assertThat(metrics).contains("dishtayantra_operator_is_leader 1.0");
            assertThat(metrics).contains("dishtayantra_operator_reconciliations_started_total");
            assertThat(metrics).contains("dishtayantra_operator_reconciliations_succeeded_total");
            assertThat(metrics).contains("dishtayantra_operator_reconciliation_duration_seconds_count");
            assertThat(metrics).contains("dishtayantra_operator_dags{phase=\"Pending\"} 1.0");
            assertThat(scrape(second, "/metrics")).contains("dishtayantra_operator_is_leader 0.0");
            assertThat(scrape(second, "/health/live")).isEqualTo("live\n");
            assertThat(scrape(second, "/health/ready")).startsWith("ready");

            first.close();
            await().atMost(TIMEOUT).until(() -> second.leader().mayReconcile());
            assertThat(first.leader().mayReconcile()).as("stopped replica is leader").isFalse();
            assertThat(lease(client, namespace).getSpec().getHolderIdentity()).isEqualTo("replica-b");

            client.resource(TestDags.quoteCleaner(namespace, "after-failover")).create();
            await().atMost(TIMEOUT).until(() -> deploymentExists(client, namespace, "after-failover"));
            assertThat(second.metrics().startedCount()).as("reconciliations by the new leader").isPositive();
            assertThat(exits.get()).as("exit action calls on a deliberate stop").isZero();
        } finally {
            first.close();
            second.close();
            clientA.close();
            clientB.close();
        }
    }

    @Test
    void lostLeaseStopsReconcilingAndExits() throws Exception {
        String namespace = MockCluster.uniqueNamespace("lost-lease");
        KubernetesClient client = cluster.client();
        KubernetesClient operatorClient = cluster.newClient();
        AtomicInteger exits = new AtomicInteger();
        OperatorConfig config = OperatorFixture.config(namespace, true, "replica-a");
        config = config.withLeaderElection(new LeaderElectionSettings(true, "dishtayantra-operator", namespace,
                "replica-a", Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500), true));

        DagOperator operator = OperatorFixture.start(operatorClient, config, exits);
        try {
            await().atMost(TIMEOUT).until(() -> operator.leader().mayReconcile());

            // Another holder takes the Lease, as after a network partition: renewals now fail.
            client.leases().inNamespace(namespace).withName("dishtayantra-operator").edit(lease -> {
                lease.getSpec().setHolderIdentity("intruder");
                lease.getSpec().setRenewTime(ZonedDateTime.now().plusMinutes(10));
                lease.getSpec().setLeaseDurationSeconds(600);
                return lease;
            });

            await().atMost(TIMEOUT).until(() -> !operator.leader().mayReconcile());
            assertThat(exits.get()).as("exit action calls").isEqualTo(1);
            assertThat(operator.leader().lostLease()).isTrue();
            assertThat(scrape(operator, "/health/live")).startsWith("not live");
            assertThat(scrape(operator, "/metrics")).contains("dishtayantra_operator_is_leader 0.0");

            double started = operator.metrics().startedCount();
            client.resource(TestDags.quoteCleaner(namespace, "after-loss")).create();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(deploymentExists(client, namespace, "after-loss")).as("Deployment written after loss").isFalse());
            assertThat(operator.metrics().startedCount()).isEqualTo(started);
        } finally {
            operator.close();
            operatorClient.close();
        }
    }

    private static boolean deploymentExists(KubernetesClient client, String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get() != null;
    }

    private static Lease lease(KubernetesClient client, String namespace) {
        return Objects.requireNonNull(client.leases().inNamespace(namespace).withName("dishtayantra-operator").get(),
                "Lease dishtayantra-operator");
    }

    private static String scrape(DagOperator operator, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + operator.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        }
    }
}
