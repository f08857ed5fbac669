package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonClock;
import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static io.dishtayantra.operator.window.WindowFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.window.WindowSchedule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class CloneCatchUpTest {

    static KubernetesClient client;

    @Test
    void firstInstallCreatesCurrentClone() {
        Dag template = client.resources(Dag.class).inNamespace("install").resource(template("install", "trades"))
                .create();

        CloneCatchUp.Result result = new CloneCatchUp(client).reconcile(template,
                WindowSchedule.of(londonSession()), londonClock("2026-12-07T11:00").instant());

        assertThat(result.created()).containsExactly("trades-20261207");
        assertThat(result.deleted()).isEmpty();
    }

    @Test
    void missedCronRunCreatesFollowingClone() {
        Dag template = client.resources(Dag.class).inNamespace("missed").resource(template("missed", "trades"))
                .create();
        client.resources(Dag.class).inNamespace("missed")
                .resource(CloneFactory.cloneOf(template, LocalDate.parse("2026-12-07"))).create();

        CloneCatchUp.Result result = new CloneCatchUp(client).reconcile(template,
                WindowSchedule.of(londonSession()), londonClock("2026-12-07T16:20").instant());

        assertThat(result.created()).containsExactly("trades-20261208");
    }

    @Test
    void catchUpAppliesRetention() {
        Dag template = client.resources(Dag.class).inNamespace("retain").resource(template("retain", "trades"))
                .create();
        for (String date : new String[] {"2026-12-02", "2026-12-03", "2026-12-04"}) {
            client.resources(Dag.class).inNamespace("retain")
                    .resource(CloneFactory.cloneOf(template, LocalDate.parse(date))).create();
        }

        CloneCatchUp.Result result = new CloneCatchUp(client).reconcile(template,
                WindowSchedule.of(londonSession()), londonClock("2026-12-07T09:00").instant());

        assertThat(result.created()).containsExactly("trades-20261207");
        assertThat(result.deleted()).containsExactly("trades-20261202", "trades-20261203");
    }
}
