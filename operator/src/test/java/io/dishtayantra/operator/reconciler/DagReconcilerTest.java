package io.dishtayantra.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.MockCluster;
import io.dishtayantra.operator.OperatorFixture;
import io.dishtayantra.operator.TestDags;
import io.dishtayantra.operator.model.Labels;
import io.dishtayantra.operator.model.RuntimeContract;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator against the fabric8 mock API server: one namespace and one operator per test. */
class DagReconcilerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static MockCluster cluster;
    private static KubernetesClient client;

    private final AtomicInteger exits = new AtomicInteger();
    private String namespace;
    private DagOperator operator;

    @BeforeAll
    static void startCluster() {
        cluster = new MockCluster(true);
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void startOperator() {
        namespace = MockCluster.uniqueNamespace("reconcile");
        operator = OperatorFixture.start(client, OperatorFixture.config(namespace, false, "solo"), exits);
    }

    @AfterEach
    void stopOperator() {
        operator.close();
        assertThat(exits.get()).as("exit action calls").isZero();
    }

    @Test
    void applyCreatesOwnedWorkload() {
        Dag dag = client.resource(TestDags.quoteCleaner(namespace, "quotes")).create();

        Deployment deployment = awaitDeployment("quotes");
        ConfigMap configMap = client.configMaps().inNamespace(namespace).withName("quotes").get();
        Service service = await().atMost(TIMEOUT).until(
                () -> client.services().inNamespace(namespace).withName("quotes").get(), java.util.Objects::nonNull);

        for (HasMetadata owned : List.of(deployment, configMap, service)) {
            OwnerReference owner = owned.getMetadata().getOwnerReferences().getFirst();
            assertThat(owner.getKind()).as(owned.getKind()).isEqualTo("DAG");
            assertThat(owner.getUid()).as(owned.getKind()).isEqualTo(dag.getMetadata().getUid());
            assertThat(owner.getController()).as(owned.getKind()).isTrue();
            assertThat(owned.getMetadata().getLabels()).as(owned.getKind())
                    .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR_NAME);
        }
        assertThat(configMap.getData().get(RuntimeContract.MANIFEST_KEY)).contains("name: \"quotes\"").contains("fill_gaps");
        assertThat(configMap.getData()).containsEntry(RuntimeContract.SUSPEND_KEY, "false");
        assertThat(service.getSpec().getPorts().getFirst().getPort()).isEqualTo(8080);
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container runtime = pod.getContainers().getFirst();
        assertThat(runtime.getImage()).isEqualTo("dishtayantra/runtime:0.1.0");
        assertThat(runtime.getArgs()).containsExactly("run", "/etc/dishtayantra/dag.yaml");
        assertThat(runtime.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(runtime.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(runtime.getPorts().getFirst().getContainerPort()).isEqualTo(8080);
        assertThat(runtime.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(runtime.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(runtime.getResources().getRequests()).containsKeys("cpu", "memory");
        EnvVar password = runtime.getEnv().stream().filter(env -> env.getName().equals("BROKER_PASSWORD"))
                .findFirst().orElseThrow();
        assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("broker");
        assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        assertThat(pod.getNodeSelector()).containsEntry("pool", "realtime");
        assertThat(pod.getTolerations()).singleElement().extracting("key").isEqualTo("dedicated");
        assertThat(pod.getServiceAccountName()).isEqualTo("dishtayantra-runtime");
        assertThat(pod.getVolumes()).extracting(Volume::getName).containsExactly("manifest", "tmp", "data");
        assertThat(pod.getVolumes().get(1).getEmptyDir()).isNotNull();
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8080")
                .containsKey(Labels.SPEC_HASH_ANNOTATION);

        assertThat(client.resources(ServiceAccount.class).inNamespace(namespace).withName("dishtayantra-runtime").get())
                .isNotNull();
        Role role = client.resources(Role.class).inNamespace(namespace).withName("dishtayantra-runtime").get();
        assertThat(role.getRules().getFirst().getResources()).containsExactly("leases");
        assertThat(role.getRules().getFirst().getVerbs()).containsExactly("get", "create", "update", "patch");
        assertThat(client.resources(RoleBinding.class).inNamespace(namespace).withName("dishtayantra-runtime").get())
                .isNotNull();

        Dag observed = awaitStatus("quotes", status -> assertThat(status.getStatus().getPhase()).isEqualTo("Pending"));
        assertThat(observed.getStatus().getObservedGeneration()).isEqualTo(observed.getMetadata().getGeneration());
        assertThat(observed.getStatus().getReady()).isEqualTo("0/1");
        assertThat(observed.getMetadata().getFinalizers()).containsExactly("dags.dishtayantra.io/finalizer");
        assertCondition(observed, "Valid", "True");
        assertCondition(observed, "Ready", "False");
        assertCondition(observed, "Suspended", "False");
        assertThat(observed.getStatus().getSelector()).isEqualTo("app.kubernetes.io/name=dishtayantra-runtime,dishtayantra.io/dag=quotes");
    }

    @Test
    void unchangedReapplyKeepsHash() {
        client.resource(TestDags.quoteCleaner(namespace, "steady")).create();
        Deployment first = awaitDeployment("steady");
        await().atMost(TIMEOUT).until(
                () -> client.services().inNamespace(namespace).withName("steady").get(), java.util.Objects::nonNull);
        awaitStatus("steady", dag -> assertThat(dag.getStatus().getPhase()).isEqualTo("Pending"));

        // A GitOps re-apply of the same manifest, then a metadata-only change.
        Dag reapplied = TestDags.quoteCleaner(namespace, "steady");
        client.resource(reapplied).update();
        editDag("steady", dag -> dag.getMetadata().getLabels().put("team", "pricing"));
        // The runtime takes its Lease, which changes only the status (activePods).
        client.resource(new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
                .withNewMetadata().withName("steady").withNamespace(namespace)
                    .addToLabels(io.dishtayantra.runtime.ha.LeaseNames.DAG_LABEL, "steady").endMetadata()
                .withNewSpec().withHolderIdentity("steady-0").withLeaseDurationSeconds(600)
                    .withRenewTime(java.time.ZonedDateTime.now()).endSpec()
                .build()).create();
        // Force a reconciliation through an owned object's event and wait until it ran.
        double before = operator.metrics().succeededCount();
        client.services().inNamespace(namespace).withName("steady")
                .edit(service -> {
                    service.getMetadata().getAnnotations().put("touched", "yes");
                    return service;
                });
        await().atMost(TIMEOUT).until(() -> operator.metrics().succeededCount() > before);

        Deployment after = client.apps().deployments().inNamespace(namespace).withName("steady").get();
        assertThat(specHash(after)).isEqualTo(specHash(first));
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
        Dag afterDag = client.resources(Dag.class).inNamespace(namespace).withName("steady").get();
        assertThat(afterDag.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(afterDag.getStatus().getActivePods()).as("Lease holders in the status")
                .containsExactly("steady-0");
    }

    @Test
    void specChangeRollsOnce() {
        client.resource(TestDags.quoteCleaner(namespace, "rolling")).create();
        Deployment first = awaitDeployment("rolling");
        String firstHash = specHash(first);

        editDag("rolling", dag -> {
            dag.getSpec().getCalculators().getFirst().getConfig().put("defaults", java.util.Map.of("desk", "EM"));
        });
        Dag observed = awaitStatus("rolling", dag -> assertThat(dag.getStatus().getObservedGeneration()).isEqualTo(2L));

        Deployment after = client.apps().deployments().inNamespace(namespace).withName("rolling").get();
        assertThat(specHash(after)).isNotEqualTo(firstHash);
        assertThat(observed.getStatus().getSpecHash()).isEqualTo(specHash(after));
        assertThat(after.getMetadata().getGeneration()).as("Deployment updates").isEqualTo(first.getMetadata().getGeneration() + 1);
        assertThat(client.configMaps().inNamespace(namespace).withName("rolling").get()
                .getData().get(RuntimeContract.MANIFEST_KEY)).contains("EM");
        assertThat(events("rolling", "SpecChanged")).hasSize(1);
    }

    @Test
    void invalidSpecLeavesWorkloadUnchanged() {
        client.resource(TestDags.quoteCleaner(namespace, "broken")).create();
        Deployment first = awaitDeployment("broken");
        ConfigMap firstConfig = client.configMaps().inNamespace(namespace).withName("broken").get();

        editDag("broken", dag -> {
            dag.getSpec().getEdges().add(new EdgeSpec("emit", "nowhere"));
            dag.getSpec().getEdges().add(new EdgeSpec("ghost", "ingest"));
        });
        Dag observed = awaitStatus("broken", dag -> assertThat(dag.getStatus().getPhase()).isEqualTo("Invalid"));

        Condition valid = condition(observed, "Valid");
        assertThat(valid.getStatus()).isEqualTo("False");
        assertThat(valid.getReason()).isEqualTo("SpecInvalid");
        assertThat(valid.getMessage()).contains("spec.edges[1].to (nowhere)").contains("spec.edges[2].from (ghost)");
        assertThat(observed.getStatus().getObservedGeneration()).isEqualTo(2L);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events("broken", "InvalidSpec")).singleElement()
                .satisfies(event -> assertThat(event.getType()).isEqualTo("Warning")));
        Deployment after = client.apps().deployments().inNamespace(namespace).withName("broken").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
        ConfigMap afterConfig = client.configMaps().inNamespace(namespace).withName("broken").get();
        assertThat(afterConfig.getData()).isEqualTo(firstConfig.getData());
    }

    @Test
    void dagWithoutSpecIsInvalid() {
        Dag empty = TestDags.quoteCleaner(namespace, "empty");
        empty.setSpec(null);
        client.resource(empty).create();

        Dag observed = awaitStatus("empty", dag -> assertThat(dag.getStatus().getPhase()).isEqualTo("Invalid"));

        assertCondition(observed, "Valid", "False");
        assertThat(observed.getStatus().getReady()).isEqualTo("0/1");
        assertThat(client.apps().deployments().inNamespace(namespace).withName("empty").get()).isNull();
    }

    @Test
    void suspendAndResumeWithoutRollout() {
        client.resource(TestDags.quoteCleaner(namespace, "pausable")).create();
        String hash = specHash(awaitDeployment("pausable"));

        editDag("pausable", dag -> {
            dag.getSpec().setSuspend(true);
        });
        Dag suspended = awaitStatus("pausable", dag -> assertThat(dag.getStatus().getPhase()).isEqualTo("Suspended"));
        assertCondition(suspended, "Suspended", "True");
        assertThat(client.configMaps().inNamespace(namespace).withName("pausable").get().getData())
                .containsEntry(RuntimeContract.SUSPEND_KEY, "true");
        assertThat(specHash(client.apps().deployments().inNamespace(namespace).withName("pausable").get())).isEqualTo(hash);

        editDag("pausable", dag -> {
            dag.getSpec().setSuspend(false);
        });
        Dag resumed = awaitStatus("pausable", dag -> assertThat(dag.getStatus().getPhase()).isEqualTo("Pending"));
        assertCondition(resumed, "Suspended", "False");
        assertThat(client.configMaps().inNamespace(namespace).withName("pausable").get().getData())
                .containsEntry(RuntimeContract.SUSPEND_KEY, "false");
        assertThat(specHash(client.apps().deployments().inNamespace(namespace).withName("pausable").get())).isEqualTo(hash);
    }

    @Test
    void deletedDeploymentIsRecreated() {
        client.resource(TestDags.quoteCleaner(namespace, "phoenix")).create();
        Deployment first = awaitDeployment("phoenix");
        awaitStatus("phoenix", dag -> assertThat(dag.getStatus().getSpecHash()).isNotNull());

        client.apps().deployments().inNamespace(namespace).withName("phoenix").delete();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Deployment again = client.apps().deployments().inNamespace(namespace).withName("phoenix").get();
            assertThat(again).isNotNull();
            assertThat(again.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());
            assertThat(specHash(again)).isEqualTo(specHash(first));
        });
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events("phoenix", "Recreated")).hasSize(1));
    }

    @Test
    void statusConvergesWithoutHotLoop() {
        client.resource(TestDags.quoteCleaner(namespace, "calm")).create();
        awaitDeployment("calm");

        // Play the Deployment controller: the pod became ready.
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName("calm").get();
        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).withUpdatedReplicas(1)
                .withAvailableReplicas(1).withObservedGeneration(deployment.getMetadata().getGeneration()).build());
        client.resource(deployment).updateStatus();
        Dag running = awaitStatus("calm", dag -> assertThat(dag.getStatus().getPhase()).isEqualTo("Running"));
        assertThat(running.getStatus().getReady()).isEqualTo("1/1");
        assertCondition(running, "Ready", "True");

        double reconciles = operator.metrics().startedCount();
        double writes = operator.metrics().statusWriteCount();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(operator.metrics().startedCount()).as("reconciliations after convergence").isEqualTo(reconciles);
            assertThat(operator.metrics().statusWriteCount()).as("status writes after convergence").isEqualTo(writes);
        });
        assertThat(events("calm", "Running")).hasSize(1);
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

    @Test
    void deleteReleasesFinalizerAndMetrics() {
        client.resource(TestDags.quoteCleaner(namespace, "short-lived")).create();
        awaitStatus("short-lived", dag -> assertThat(dag.getStatus().getPhase()).isEqualTo("Pending"));
        assertThat(operator.metrics().scrape()).contains("dishtayantra_operator_dags{phase=\"Pending\"} 1.0");

        client.resources(Dag.class).inNamespace(namespace).withName("short-lived").delete();

        await().atMost(TIMEOUT).until(() ->
                client.resources(Dag.class).inNamespace(namespace).withName("short-lived").get() == null);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(operator.metrics().scrape())
                .contains("dishtayantra_operator_dags{phase=\"Pending\"} 0.0"));
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

    private List<Event> events(String dagName, String reason) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(event -> dagName.equals(event.getInvolvedObject().getName()))
                .filter(event -> reason.equals(event.getReason()))
                .toList();
    }

    private static void assertCondition(Dag dag, String type, String status) {
        Condition condition = condition(dag, type);
        assertThat(condition.getStatus()).as("%s condition: %s", type, condition).isEqualTo(status);
    }

    private static Condition condition(Dag dag, String type) {
        return dag.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }

    private static String specHash(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION);
    }
}
