package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.MockCluster;
import io.dishtayantra.operator.OperatorFixture;
import io.dishtayantra.operator.TestDags;
import io.dishtayantra.operator.model.RuntimeContract;
import io.dishtayantra.operator.reconciler.NormalizerSpecNormalization;
import io.dishtayantra.operator.reconciler.RuntimeSpecValidation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole operator against the CRUD mock with DAGs that reference a TimeWindow. The operator's
 * clock is shifted per test to a chosen local time in London on Monday 7 December 2026.
 */
class OperatorWindowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static MockCluster cluster;
    private static KubernetesClient client;

    private final AtomicInteger exits = new AtomicInteger();
    private final ShiftedClock clock = new ShiftedClock();
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

    @AfterEach
    void stopOperator() {
        if (operator != null) {
            operator.close();
        }
        assertThat(exits.get()).as("exit action calls").isZero();
    }

    private void startOperator(String prefix, String londonTime) throws IOException {
        clock.setNow(ZonedDateTime.of(LocalDateTime.parse(londonTime), WindowFixtures.LONDON).toInstant());
        namespace = MockCluster.uniqueNamespace(prefix);
        operator = new DagOperator(client, OperatorFixture.config(namespace, false, "solo"),
                new RuntimeSpecValidation(), new NormalizerSpecNormalization(), exits::incrementAndGet, clock);
        operator.start();
    }

    private void createDag(String name) {
        Dag dag = TestDags.quoteCleaner(namespace, name);
        dag.getSpec().setTimeWindowRef("london-session");
        client.resources(Dag.class).inNamespace(namespace).resource(dag).create();
    }

    private void createWindow(TimeWindowSpec spec) {
        TimeWindow window = new TimeWindow();
        window.setMetadata(new ObjectMetaBuilder().withName("london-session").withNamespace(namespace).build());
        window.setSpec(spec);
        client.resources(TimeWindow.class).inNamespace(namespace).resource(window).create();
    }

    private static TimeWindowSpec withoutClones() {
        TimeWindowSpec spec = londonSession();
        spec.setAutoClone(null);
        return spec;
    }

    private Dag dag(String name) {
        return client.resources(Dag.class).inNamespace(namespace).withName(name).get();
    }

    private Condition inWindow(String name) {
        Dag dag = dag(name);
        if (dag == null || dag.getStatus() == null) {
            return new Condition();
        }
        return dag.getStatus().getConditions().stream().filter(condition -> "InWindow".equals(condition.getType()))
                .findFirst().orElse(new Condition());
    }

    private Integer replicas(String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        return deployment == null ? null : deployment.getSpec().getReplicas();
    }

    @Test
    void missingWindowWaitsThenRuns() throws IOException {
        startOperator("window-missing", "2026-12-07T09:00");
        createDag("quotes");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(inWindow("quotes").getReason()).isEqualTo(DagWindowResolver.NOT_FOUND);
            assertThat(replicas("quotes")).isZero();
        });
        assertThat(inWindow("quotes").getMessage()).contains("london-session").contains("waits");
        assertThat(dag("quotes").getStatus().getPhase()).isEqualTo("Pending");

        createWindow(withoutClones());

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(inWindow("quotes").getReason()).isEqualTo("Active");
            assertThat(replicas("quotes")).isEqualTo(1);
        });
        assertThat(dag("quotes").getStatus().getWindow()).isEqualTo("Active until 16:30 Europe/London");
        String manifest = client.configMaps().inNamespace(namespace).withName("quotes").get().getData()
                .get(RuntimeContract.MANIFEST_KEY);
        assertThat(manifest).contains("Europe/London").doesNotContain("timeWindowRef");
    }

    @Test
    void stopOutsideScalesToZeroAtClose() throws IOException {
        startOperator("window-stop", "2026-12-07T16:29:55");
        TimeWindowSpec spec = withoutClones();
        spec.setOutside("Stop");
        createWindow(spec);
        createDag("quotes");

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(replicas("quotes")).isEqualTo(1));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(replicas("quotes")).isZero();
            assertThat(inWindow("quotes").getReason()).isEqualTo("After");
        });
        assertThat(dag("quotes").getStatus().getPhase()).isEqualTo("Stopped");
        assertThat(dag("quotes").getStatus().getMessage()).startsWith("Stopped outside its time window: After");
    }

    @Test
    void editAndDeleteOfWindowReachDag() throws IOException {
        startOperator("window-edit", "2026-12-07T09:00");
        createWindow(withoutClones());
        createDag("quotes");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(inWindow("quotes").getReason()).isEqualTo("Active"));

        await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(KubernetesClientException.class).until(() -> {
            client.resources(TimeWindow.class).inNamespace(namespace).withName("london-session").edit(window -> {
                window.getSpec().setEnd("17:45");
                return window;
            });
            return true;
        });
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(dag("quotes").getStatus().getWindow()).isEqualTo("Active until 17:45 Europe/London"));

        client.resources(TimeWindow.class).inNamespace(namespace).withName("london-session").delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(inWindow("quotes").getReason()).isEqualTo(DagWindowResolver.NOT_FOUND);
            assertThat(replicas("quotes")).isZero();
        });
    }

    @Test
    void templateRunsClonesNotItself() throws IOException {
        startOperator("window-clones", "2026-12-07T09:00");
        createWindow(londonSession());
        createDag("quotes");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(client.resources(CronJob.class).inNamespace(namespace).withName("quotes-clone").get())
                    .isNotNull();
            assertThat(dag("quotes-20261207")).isNotNull();
            assertThat(replicas("quotes-20261207")).isEqualTo(1);
            assertThat(replicas("quotes")).isZero();
            assertThat(inWindow("quotes").getReason()).isEqualTo("Active");
        });
        assertThat(dag("quotes").getStatus().getWindow()).startsWith("Template: Active");
        assertThat(dag("quotes").getStatus().getPhase()).isEqualTo("Stopped");
        assertThat(dag("quotes").getStatus().getMessage()).startsWith("Clone template");
        assertThat(dag("quotes-20261207").getSpec().getWindowDate()).isEqualTo("2026-12-07");
    }
}
