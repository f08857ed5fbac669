package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonClock;
import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static io.dishtayantra.operator.window.WindowFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagStatus;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class DagWindowStepTest {

    static KubernetesClient client;

    private static final String IMAGE = "ghcr.io/dishtayantra/operator:0.1.0";

    private static TimeWindow timeWindow(String namespace, TimeWindowSpec spec) {
        TimeWindow window = new TimeWindow();
        window.setMetadata(new ObjectMetaBuilder().withName("london-session").withNamespace(namespace).build());
        window.setSpec(spec);
        return window;
    }

    private static TimeWindowSpec withoutClones() {
        TimeWindowSpec spec = londonSession();
        spec.setAutoClone(null);
        return spec;
    }

    private Dag createTemplate(String namespace) {
        return client.resources(Dag.class).inNamespace(namespace).resource(template(namespace, "trades")).create();
    }

    private List<String> dagNames(String namespace) {
        return client.resources(Dag.class).inNamespace(namespace).list().getItems().stream()
                .map(dag -> dag.getMetadata().getName()).toList();
    }

    @Test
    void templateGetsCronJobAndCurrentClone() {
        Dag dag = createTemplate("template");
        DagWindowStep step = new DagWindowStep(client, londonClock("2026-12-07T09:00"), IMAGE);

        DagWindowView view = step.reconcile(dag, Optional.of(timeWindow("template", londonSession())));

        assertThat(view.template()).isTrue();
        assertThat(DagWindowStep.replicas(2, view)).isZero();
        assertThat(client.resources(CronJob.class).inNamespace("template").withName("trades-clone").get()).isNotNull();
        assertThat(dagNames("template")).containsExactlyInAnyOrder("trades", "trades-20261207");
    }

    @Test
    void secondReconcileChangesNothing() {
        Dag dag = createTemplate("again");
        DagWindowStep step = new DagWindowStep(client, londonClock("2026-12-07T09:00"), IMAGE);
        step.reconcile(dag, Optional.of(timeWindow("again", londonSession())));

        step.reconcile(dag, Optional.of(timeWindow("again", londonSession())));

        assertThat(dagNames("again")).containsExactlyInAnyOrder("trades", "trades-20261207");
        assertThat(client.resources(CronJob.class).inNamespace("again").list().getItems()).hasSize(1);
    }

    @Test
    void editedWindowRewritesCronJob() {
        Dag dag = createTemplate("edited");
        DagWindowStep step = new DagWindowStep(client, londonClock("2026-12-07T09:00"), IMAGE);
        step.reconcile(dag, Optional.of(timeWindow("edited", londonSession())));
        TimeWindowSpec later = londonSession();
        later.setEnd("17:30");

        step.reconcile(dag, Optional.of(timeWindow("edited", later)));

        CronJob cronJob = client.resources(CronJob.class).inNamespace("edited").withName("trades-clone").get();
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 17 * * 1,2,3,4,5");
    }

    @Test
    void disablingAutoCloneDeletesCronJob() {
        Dag dag = createTemplate("disabled");
        DagWindowStep step = new DagWindowStep(client, londonClock("2026-12-07T09:00"), IMAGE);
        DagWindowView first = step.reconcile(dag, Optional.of(timeWindow("disabled", londonSession())));
        DagStatus status = new DagStatus();
        step.applyToStatus(status, dag, first);
        dag.setStatus(status);

        DagWindowView second = step.reconcile(dag, Optional.of(timeWindow("disabled", withoutClones())));

        assertThat(second.template()).isFalse();
        assertThat(client.resources(CronJob.class).inNamespace("disabled").withName("trades-clone").get()).isNull();
        assertThat(dagNames("disabled")).contains("trades-20261207");
    }

    @Test
    void stopOutsideWindowScalesToZero() {
        Dag dag = createTemplate("stop");
        TimeWindowSpec spec = withoutClones();
        spec.setOutside("Stop");
        DagWindowStep step = new DagWindowStep(client, londonClock("2026-12-07T20:00"), IMAGE);

        DagWindowView view = step.reconcile(dag, Optional.of(timeWindow("stop", spec)));

        assertThat(DagWindowStep.replicas(2, view)).isZero();
        assertThat(step.recheckAfter(view)).contains(Duration.ofHours(1));
    }

    @Test
    void missingWindowWaitsWithZeroPods() {
        Dag dag = createTemplate("missing");
        DagWindowStep step = new DagWindowStep(client, londonClock("2026-12-07T09:00"), IMAGE);

        DagWindowView view = step.reconcile(dag, Optional.empty());

        assertThat(DagWindowStep.replicas(1, view)).isZero();
        assertThat(view.inWindow().getReason()).isEqualTo(DagWindowResolver.NOT_FOUND);
        assertThat(step.recheckAfter(view)).isEmpty();
    }

    @Test
    void runtimeManifestEmbedsReferencedWindow() {
        Dag dag = template("embed", "trades");

        Dag manifest = DagWindowStep.manifestForRuntime(dag, Optional.of(timeWindow("embed", withoutClones())));

        assertThat(manifest.getSpec().getTimeWindowRef()).isNull();
        assertThat(manifest.getSpec().getTimeWindow().getTimeZone()).isEqualTo("Europe/London");
        assertThat(dag.getSpec().getTimeWindowRef()).isEqualTo("london-session");
        assertThat(dag.getSpec().getTimeWindow()).isNull();
    }

    @Test
    void inWindowConditionKeepsTransitionTime() {
        Dag dag = template("status", "trades");
        Clock clock = londonClock("2026-12-07T09:00");
        DagWindowStep step = new DagWindowStep(client, clock, IMAGE);
        DagWindowView view = DagWindowResolver.resolve(dag, name -> timeWindow("status", withoutClones()),
                clock.instant());
        DagStatus previous = new DagStatus();
        previous.setConditions(List.of(new ConditionBuilder().withType("InWindow").withStatus("True")
                .withLastTransitionTime("2026-12-07T08:00:00Z").build()));
        dag.setStatus(previous);
        DagStatus status = new DagStatus();
        status.setConditions(List.of(new ConditionBuilder().withType("Valid").withStatus("True").build()));

        step.applyToStatus(status, dag, view);

        assertThat(status.getWindow()).isEqualTo("Active until 16:30 Europe/London");
        assertThat(status.getConditions()).extracting(condition -> condition.getType())
                .containsExactly("InWindow", "Valid");
        assertThat(status.getConditions().getFirst().getLastTransitionTime()).isEqualTo("2026-12-07T08:00:00Z");
    }
}
