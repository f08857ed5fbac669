package io.dishtayantra.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.MockCluster;
import io.dishtayantra.operator.OperatorFixture;
import io.dishtayantra.operator.model.Labels;
import io.dishtayantra.operator.model.RuntimeContract;
import io.dishtayantra.runtime.ha.LeaseNames;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replicas, parallelism and the runtime's Leases as the operator sees them, on the mock API server. */
class ScaleOutTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static MockCluster cluster;
    private static KubernetesClient client;

    private final AtomicInteger exits = new AtomicInteger();
    private String namespace;
    private DagOperator operator;

    @BeforeAll
    static void startCluster() {
        cluster = new MockCluster();
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void startOperator() {
        namespace = MockCluster.uniqueNamespace("scale");
        operator = OperatorFixture.start(client, OperatorFixture.config(namespace, false, "solo"), exits);
    }

    @AfterEach
    void stopOperator() {
        operator.close();
        assertThat(exits.get()).as("exit action calls").isZero();
    }

    private Dag kafkaDag(String name, String subscriberUri, int replicas, int parallelism) {
        return SERIALIZATION.unmarshal("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s, namespace: %s}
                spec:
                  runtime: {replicas: %d, parallelism: %d}
                  subscribers:
                    - name: trades_in
                      uri: %s
                  publishers:
                    - name: trades_out
                      uri: kafka://topic/enriched
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: trades_in}
                    - {name: emit, type: Publication, publishers: [trades_out]}
                  edges: [{from: ingest, to: emit}]
                """.formatted(name, namespace, replicas, parallelism, subscriberUri), Dag.class);
    }

    @Test
    void podsAreParallelismTimesReplicas() {
        client.resource(kafkaDag("trades", "kafka://topic/trades", 2, 3)).create();

        Deployment deployment = awaitDeployment("trades");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(6);
        EnvVar mode = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(env -> env.getName().equals("DISHTAYANTRA_MODE")).findFirst().orElseThrow();
        assertThat(mode.getValue()).isEqualTo("cluster");
        assertThat(client.configMaps().inNamespace(namespace).withName("trades").get().getData())
                .containsEntry(RuntimeContract.PARALLELISM_KEY, "3");
        String hash = deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION);

        editDag("trades", dag -> dag.getSpec().getRuntime().setParallelism(1));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                client.apps().deployments().inNamespace(namespace).withName("trades").get().getSpec().getReplicas())
                .isEqualTo(2));
        Deployment scaled = client.apps().deployments().inNamespace(namespace).withName("trades").get();
        assertThat(scaled.getSpec().getTemplate().getMetadata().getAnnotations())
                .as("pod template after scaling").containsEntry(Labels.SPEC_HASH_ANNOTATION, hash);
        assertThat(client.configMaps().inNamespace(namespace).withName("trades").get().getData())
                .containsEntry(RuntimeContract.PARALLELISM_KEY, "1");
    }

    @Test
    void activePodsListLeaseHolders() {
        client.resource(kafkaDag("orders", "kafka://topic/orders", 2, 2)).create();
        awaitDeployment("orders");

        client.resource(lease("orders-0", "orders", "orders-7d9f-a", ZonedDateTime.now())).create();
        client.resource(lease("orders-1", "orders", "orders-7d9f-b", ZonedDateTime.now())).create();
        // A Lease of a pod that died an hour ago, and one of another DAG.
        client.resource(lease("orders-2", "orders", "orders-7d9f-gone", ZonedDateTime.now().minusHours(1))).create();
        client.resource(lease("billing", "billing", "billing-1", ZonedDateTime.now())).create();

        awaitStatus("orders", dag -> assertThat(dag.getStatus().getActivePods())
                .containsExactly("orders-7d9f-a", "orders-7d9f-b"));

        client.leases().inNamespace(namespace).withName("orders-1").edit(lease -> {
            lease.getSpec().setHolderIdentity("orders-7d9f-c");
            lease.getSpec().setRenewTime(ZonedDateTime.now());
            return lease;
        });
        awaitStatus("orders", dag -> assertThat(dag.getStatus().getActivePods())
                .containsExactly("orders-7d9f-a", "orders-7d9f-c"));

        // A pod that stops releases its Lease the way fabric8 does: same holder, one second left.
        client.leases().inNamespace(namespace).withName("orders-0").edit(lease -> {
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setRenewTime(ZonedDateTime.now());
            return lease;
        });
        awaitStatus("orders", dag -> assertThat(dag.getStatus().getActivePods()).containsExactly("orders-7d9f-c"));
    }

    @Test
    void parallelismRejectsUnshareableSubscriber() {
        client.resource(kafkaDag("ticker", "metronome://tick", 1, 2)).create();

        Dag dag = awaitStatus("ticker", observed -> assertThat(observed.getStatus().getPhase()).isEqualTo("Invalid"));
        String valid = dag.getStatus().getConditions().stream().filter(c -> c.getType().equals("Valid")).findFirst()
                .orElseThrow().getMessage();
        assertThat(valid).contains("spec.runtime.parallelism").contains("Subscriber 'trades_in' (metronome://tick)");
        assertThat(client.apps().deployments().inNamespace(namespace).withName("ticker").get()).isNull();
    }

    private Lease lease(String name, String dag, String holder, ZonedDateTime renewed) {
        return new LeaseBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .addToLabels(LeaseNames.DAG_LABEL, dag)
                .endMetadata()
                .withNewSpec()
                    .withHolderIdentity(holder)
                    .withLeaseDurationSeconds(15)
                    .withAcquireTime(renewed)
                    .withRenewTime(renewed)
                .endSpec()
                .build();
    }

    /** Edits a DAG, retrying on 409 because the operator writes its finalizer and status meanwhile. */
    private void editDag(String name, Consumer<Dag> change) {
        await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(KubernetesClientException.class).until(() -> {
            client.resources(Dag.class).inNamespace(namespace).withName(name).edit(dag -> {
                change.accept(dag);
                return dag;
            });
            return true;
        });
    }

    private Deployment awaitDeployment(String name) {
        return await().atMost(TIMEOUT).until(
                () -> client.apps().deployments().inNamespace(namespace).withName(name).get(), java.util.Objects::nonNull);
    }

    private Dag awaitStatus(String name, Consumer<Dag> assertion) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Dag dag = client.resources(Dag.class).inNamespace(namespace).withName(name).get();
            assertThat(dag.getStatus()).as("status of " + name).isNotNull();
            assertion.accept(dag);
        });
        return client.resources(Dag.class).inNamespace(namespace).withName(name).get();
    }
}
