package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static io.dishtayantra.operator.window.WindowFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class CloneCronJobsTest {

    static KubernetesClient client;

    private static final String IMAGE = "ghcr.io/dishtayantra/operator:0.1.0";

    private Dag createTemplate(String namespace) {
        return client.resources(Dag.class).inNamespace(namespace).resource(template(namespace, "trades")).create();
    }

    @Test
    void cronJobSchedulesCloneBeforeClose() {
        Dag template = createTemplate("cron");
        client.resource(CloneCronJobs.cronJob(template, londonSession(), IMAGE)).create();

        CronJob cronJob = client.batch().v1().cronjobs().inNamespace("cron").withName("trades-clone").get();

        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 16 * * 1,2,3,4,5");
        assertThat(cronJob.getSpec().getTimeZone()).isEqualTo("Europe/London");
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isEqualTo(CloneCronJobs.STARTING_DEADLINE_SECONDS);
        assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(CloneCronJobs.HISTORY_LIMIT);
        assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isEqualTo(CloneCronJobs.HISTORY_LIMIT);
        assertThat(cronJob.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(template.getMetadata().getUid()));
    }

    @Test
    void cronJobPodRunsCloneCommand() {
        Dag template = createTemplate("pod");

        CronJob cronJob = CloneCronJobs.cronJob(template, londonSession(), IMAGE);

        var podSpec = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertThat(podSpec.getServiceAccountName()).isEqualTo("trades-clone");
        assertThat(podSpec.getRestartPolicy()).isEqualTo("Never");
        Container container = podSpec.getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo(IMAGE);
        assertThat(container.getArgs()).containsExactly("clone", "--namespace", "pod", "--template", "trades");
        assertThat(container.getEnv()).singleElement().satisfies(env -> {
            assertThat(env.getName()).isEqualTo(CloneCommand.WINDOW_ENV);
            TimeWindowSpec window = new KubernetesSerialization().unmarshal(env.getValue(), TimeWindowSpec.class);
            assertThat(window.getTimeZone()).isEqualTo("Europe/London");
            assertThat(window.getExcludeDates()).containsExactly("2026-12-25", "2026-12-28");
        });
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    }

    @Test
    void roleAllowsOnlyListAndCreateDags() {
        Dag template = createTemplate("rbac");
        for (HasMetadata object : CloneCronJobs.all(template, londonSession(), IMAGE)) {
            client.resource(object).create();
        }

        Role role = client.rbac().roles().inNamespace("rbac").withName("trades-clone").get();
        RoleBinding binding = client.rbac().roleBindings().inNamespace("rbac").withName("trades-clone").get();

        assertThat(role.getRules()).singleElement().satisfies((PolicyRule rule) -> {
            assertThat(rule.getApiGroups()).containsExactly("dishtayantra.io");
            assertThat(rule.getResources()).containsExactly("dags");
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("list", "create");
        });
        assertThat(binding.getRoleRef().getName()).isEqualTo("trades-clone");
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo("trades-clone");
            assertThat(subject.getNamespace()).isEqualTo("rbac");
        });
        assertThat(client.serviceAccounts().inNamespace("rbac").withName("trades-clone").get()).isNotNull();
    }

    @Test
    void longTemplateNameIsShortenedWithHash() {
        String longName = "a-very-long-template-name-for-the-fx-desk-quotes-pipeline";

        String name = CloneCronJobs.objectName(longName);

        assertThat(name).hasSizeLessThanOrEqualTo(CloneCronJobs.MAX_CRONJOB_NAME);
        assertThat(name).endsWith("-clone");
        assertThat(name).isNotEqualTo(CloneCronJobs.objectName(longName + "2"));
    }
}
