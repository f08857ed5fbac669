package io.dishtayantra.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.MockCluster;
import io.dishtayantra.operator.OperatorFixture;
import io.dishtayantra.operator.TestDags;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An installation with a label selector reconciles only the DAGs it claims. */
class LabelSelectorTest {

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
    void unclaimedDagIgnored() {
        String namespace = MockCluster.uniqueNamespace("claims");
        KubernetesClient client = cluster.client();
        var config = OperatorFixture.config(namespace, false, "blue")
                .withWatchLabelSelector("dishtayantra.io/installation=blue");

        try (DagOperator operator = OperatorFixture.start(client, config, new AtomicInteger())) {
            Dag claimed = TestDags.quoteCleaner(namespace, "claimed");
            claimed.getMetadata().setLabels(Map.of("dishtayantra.io/installation", "blue"));
            client.resource(claimed).create();
            Dag other = TestDags.quoteCleaner(namespace, "other");
            other.getMetadata().setLabels(Map.of("dishtayantra.io/installation", "green"));
            client.resource(other).create();

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    client.apps().deployments().inNamespace(namespace).withName("claimed").get() != null);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                    assertThat(client.apps().deployments().inNamespace(namespace).withName("other").get()).isNull());
            assertThat(client.resources(Dag.class).inNamespace(namespace).withName("other").get().getStatus())
                    .as("status of the unclaimed DAG").isNull();
        }
    }
}
