package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonClock;
import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static io.dishtayantra.operator.window.WindowFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.window.ClonePlan;
import io.dishtayantra.crd.window.WindowSchedule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class CloneRetentionTest {

    static KubernetesClient client;

    @Test
    void deletesClonesBeyondKeep() {
        Dag template = client.resources(Dag.class).inNamespace("keep").resource(template("keep", "trades")).create();
        for (String date : List.of("2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07")) {
            client.resources(Dag.class).inNamespace("keep")
                    .resource(CloneFactory.cloneOf(template, LocalDate.parse(date))).create();
        }
        ClonePlan plan = new ClonePlan(WindowSchedule.of(londonSession()));

        List<String> deleted = new CloneRetention(client)
                .apply(template, plan, londonClock("2026-12-07T10:00").instant());

        assertThat(deleted).containsExactly("trades-20261201", "trades-20261202", "trades-20261203");
        assertThat(client.resources(Dag.class).inNamespace("keep").list().getItems())
                .extracting(dag -> dag.getMetadata().getName())
                .containsExactlyInAnyOrder("trades", "trades-20261204", "trades-20261207");
    }

    @Test
    void ignoresDagsThatAreNotClones() {
        Dag template = client.resources(Dag.class).inNamespace("other").resource(template("other", "trades")).create();
        Dag stranger = template("other", "trades-eu");
        stranger.getMetadata().setLabels(java.util.Map.of(CloneLabels.TEMPLATE, "trades"));
        client.resources(Dag.class).inNamespace("other").resource(stranger).create();
        ClonePlan plan = new ClonePlan(WindowSchedule.of(londonSession()));

        List<String> deleted = new CloneRetention(client)
                .apply(template, plan, londonClock("2026-12-07T10:00").instant());

        assertThat(deleted).isEmpty();
    }
}
