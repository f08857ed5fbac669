package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonClock;
import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static io.dishtayantra.operator.window.WindowFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class CloneCommandTest {

    static KubernetesClient client;

    private Dag createTemplate(String namespace) {
        return client.resources(Dag.class).inNamespace(namespace).resource(template(namespace, "trades")).create();
    }

    private Dag get(String namespace, String name) {
        return client.resources(Dag.class).inNamespace(namespace).withName(name).get();
    }

    @Test
    void beforeWindowCreatesTodaysClone() {
        createTemplate("before");

        List<String> created = new CloneCommand(client, londonClock("2026-12-07T07:00"))
                .run("before", "trades", londonSession());

        assertThat(created).containsExactly("trades-20261207");
    }

    @Test
    void cronRunCreatesFollowingClone() {
        Dag template = createTemplate("cron");

        List<String> created = new CloneCommand(client, londonClock("2026-12-07T16:00"))
                .run("cron", "trades", londonSession());

        assertThat(created).containsExactly("trades-20261207", "trades-20261208");
        Dag clone = get("cron", "trades-20261208");
        assertThat(clone.getSpec().getWindowDate()).isEqualTo("2026-12-08");
        assertThat(clone.getSpec().getTimeWindowRef()).isEqualTo("london-session");
        assertThat(clone.getSpec().getNodes()).hasSize(1);
        assertThat(clone.getMetadata().getLabels())
                .containsEntry(CloneLabels.TEMPLATE, "trades")
                .containsEntry(CloneLabels.WINDOW_DATE, "2026-12-08")
                .containsEntry("team", "fx");
        OwnerReference owner = clone.getMetadata().getOwnerReferences().getFirst();
        assertThat(owner.getName()).isEqualTo("trades");
        assertThat(owner.getKind()).isEqualTo("DAG");
        assertThat(owner.getUid()).isEqualTo(template.getMetadata().getUid());
        assertThat(owner.getController()).isTrue();
        assertThat(template.getSpec().getWindowDate()).isNull();
    }

    @Test
    void secondRunCreatesNothing() {
        createTemplate("rerun");
        CloneCommand command = new CloneCommand(client, londonClock("2026-12-07T16:00"));
        command.run("rerun", "trades", londonSession());

        List<String> created = command.run("rerun", "trades", londonSession());

        assertThat(created).isEmpty();
        assertThat(client.resources(Dag.class).inNamespace("rerun").list().getItems()).hasSize(3);
    }

    @Test
    void existingCloneIsLeftAlone() {
        Dag template = createTemplate("existing");
        Dag edited = CloneFactory.cloneOf(template, java.time.LocalDate.parse("2026-12-07"));
        edited.getMetadata().getLabels().put("edited", "by-hand");
        client.resources(Dag.class).inNamespace("existing").resource(edited).create();

        List<String> created = new CloneCommand(client, londonClock("2026-12-07T16:00"))
                .run("existing", "trades", londonSession());

        assertThat(created).containsExactly("trades-20261208");
        assertThat(get("existing", "trades-20261207").getMetadata().getLabels()).containsEntry("edited", "by-hand");
    }

    @Test
    void fridayRunCreatesMondayClone() {
        createTemplate("friday");

        List<String> created = new CloneCommand(client, londonClock("2026-12-24T16:00"))
                .run("friday", "trades", londonSession());

        assertThat(created).containsExactly("trades-20261224", "trades-20261229");
    }

    @Test
    void missingTemplateIsNamed() {
        CloneCommand command = new CloneCommand(client, londonClock("2026-12-07T16:00"));

        assertThatThrownBy(() -> command.run("empty", "trades", londonSession()))
                .hasMessageContaining("empty/trades")
                .hasMessageContaining("not found");
    }

    @Test
    void executeReadsWindowFromEnvironment() {
        createTemplate("execute");
        String json = new KubernetesSerialization().asJson(londonSession());

        int exitCode = new CloneCommand(client, londonClock("2026-12-07T09:00"))
                .execute(List.of("--namespace", "execute", "--template", "trades"),
                        Map.of(CloneCommand.WINDOW_ENV, json));

        assertThat(exitCode).isZero();
        assertThat(get("execute", "trades-20261207")).isNotNull();
    }

    @Test
    void executeWithoutOptionsIsUsageError() {
        int exitCode = new CloneCommand(client, londonClock("2026-12-07T09:00"))
                .execute(List.of("--namespace", "x"), Map.of());

        assertThat(exitCode).isEqualTo(CloneCommand.USAGE_ERROR);
    }

    @Test
    void executeWithMissingTemplateFails() {
        String json = new KubernetesSerialization().asJson(londonSession());

        int exitCode = new CloneCommand(client, londonClock("2026-12-07T09:00"))
                .execute(List.of("--namespace", "nothing", "--template", "trades"),
                        Map.of(CloneCommand.WINDOW_ENV, json));

        assertThat(exitCode).isEqualTo(1);
    }
}
