package io.dishtayantra.charts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorDeploymentTest {

    private final List<HasMetadata> objects = HelmChart.templateAsObjects(Map.of());
    private final Deployment deployment = only(objects, Deployment.class);
    private final Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    @Test
    void runsTwoReplicasWithLeaderElection() {
        Map<String, String> env = environment(container);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(env).containsEntry("DY_OPERATOR_LEADER_ELECTION_ENABLED", "true");
        assertThat(env).containsEntry("DY_OPERATOR_LEADER_ELECTION_LEASE_NAME", HelmChart.FULLNAME);
        assertThat(env).containsEntry("DY_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE", HelmChart.RELEASE_NAMESPACE);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    }

    @Test
    void containerIsHardened() {
        SecurityContext security = container.getSecurityContext();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();

        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    }

    @Test
    void probesAndResourcesAreSet() {
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(container.getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8081));
        assertThat(environment(container)).containsEntry("DY_OPERATOR_HTTP_PORT", "8081");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
    }

    @Test
    void configFileComesFromTheConfigMap() {
        ConfigMap config = only(objects, ConfigMap.class, HelmChart.FULLNAME + "-config");
        String path = environment(container).get("DY_OPERATOR_CONFIG");

        assertThat(path).isEqualTo("/etc/dishtayantra/operator.properties");
        assertThat(config.getData()).containsKey("operator.properties");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/etc/dishtayantra"));
    }

    @Test
    void changedConfigRollsThePods() {
        Deployment changed = only(HelmChart.templateAsObjects(
                Map.of("operator", Map.of("config", Map.of("reconcile.threads", 8)))), Deployment.class);

        String before = deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
        String after = changed.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void imagesDefaultToAppVersion() {
        Map<String, String> env = environment(container);

        assertThat(container.getImage()).isEqualTo("dishtayantra/operator:0.1.0");
        assertThat(env).containsEntry("DY_OPERATOR_RUNTIME_IMAGE", "dishtayantra/runtime:0.1.0");
    }

    @Test
    void digestWinsOverTag() {
        String digest = "sha256:" + "a".repeat(64);
        Deployment pinned = only(HelmChart.templateAsObjects(Map.of("operator", Map.of("image", Map.of(
                "tag", "9.9.9", "digest", digest)))), Deployment.class);

        assertThat(pinned.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("dishtayantra/operator@" + digest);
    }

    @Test
    void disruptionBudgetKeepsOneOperator() {
        PodDisruptionBudget budget = only(objects, PodDisruptionBudget.class);

        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void serviceSelectsTheOperatorPods() {
        Service service = only(objects, Service.class);

        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getName()).isEqualTo("http"));
    }

    @Test
    void replicasSpreadOverNodes() {
        assertThat(deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution()).singleElement()
                .satisfies(term -> assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
    }

    static Map<String, String> environment(Container container) {
        return container.getEnv().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> matching = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as("rendered " + type.getSimpleName() + " objects").hasSize(1);
        return matching.get(0);
    }

    static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type, String name) {
        List<T> matching = objects.stream().filter(type::isInstance).map(type::cast)
                .filter(object -> object.getMetadata().getName().equals(name)).toList();
        assertThat(matching).as("rendered " + type.getSimpleName() + " " + name).hasSize(1);
        return matching.get(0);
    }
}
