package io.dishtayantra.operator.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.MockCluster;
import io.dishtayantra.operator.OperatorFixture;
import io.dishtayantra.operator.TestDags;
import io.dishtayantra.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A leader replica that dies without releasing its Lease, as after kill -9 or a node failure:
 * the follower waits for the Lease to expire, takes it over and reconciles.
 */
class LeaderKillTest {

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
    void followerTakesOverWhenLeaderDies() {
        String namespace = MockCluster.uniqueNamespace("leader-kill");
        KubernetesClient client = cluster.client();
        KubernetesClient leaderClient = cluster.newClient();
        KubernetesClient followerClient = cluster.newClient();
        AtomicInteger exits = new AtomicInteger();
        OperatorConfig leaderConfig = OperatorFixture.config(namespace, true, "replica-a");
        Duration leaseDuration = leaderConfig.leaderElection().leaseDuration();

        DagOperator leader = OperatorFixture.start(leaderClient, leaderConfig, exits);
        DagOperator follower = null;
        try {
            await().atMost(TIMEOUT).until(() -> leader.leader().mayReconcile());
            follower = OperatorFixture.start(followerClient, OperatorFixture.config(namespace, true, "replica-b"), exits);
            DagOperator standby = follower;

            // The leader loses every connection to the API server at once: it neither renews nor
            // releases the Lease, which is what a killed pod leaves behind.
            leaderClient.close();
            Lease abandoned = lease(client, namespace);
            assertThat(abandoned.getSpec().getHolderIdentity()).isEqualTo("replica-a");
            Instant expiry = abandoned.getSpec().getRenewTime().toInstant().plus(leaseDuration);

            await().atMost(TIMEOUT).until(() -> standby.leader().mayReconcile());
            Lease taken = lease(client, namespace);
            assertThat(taken.getSpec().getHolderIdentity()).isEqualTo("replica-b");
            assertThat(taken.getSpec().getAcquireTime().toInstant()).as("follower acquired after the Lease expired")
                    .isAfterOrEqualTo(expiry);

            client.resource(TestDags.quoteCleaner(namespace, "after-kill")).create();
            await().atMost(TIMEOUT).until(
                    () -> client.apps().deployments().inNamespace(namespace).withName("after-kill").get() != null);
            assertThat(follower.metrics().startedCount()).as("reconciliations by the new leader").isPositive();
        } finally {
            leader.close();
            if (follower != null) {
                follower.close();
            }
            followerClient.close();
        }
    }

    private static Lease lease(KubernetesClient client, String namespace) {
        return client.leases().inNamespace(namespace).withName("dishtayantra-operator").get();
    }
}
