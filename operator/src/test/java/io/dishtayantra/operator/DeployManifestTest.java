package io.dishtayantra.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.operator.model.RuntimeRbacModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain install manifests parse and grant what the operator does. */
class DeployManifestTest {

    private static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize().resolve("deploy");

    @Test
    void operatorRoleCoversOperatorCalls() throws IOException {
        ClusterRole role = only(load("operator.yaml"), ClusterRole.class);

        assertThat(allows(role, "dishtayantra.io", "dags", "watch")).isTrue();
        assertThat(allows(role, "dishtayantra.io", "dags/status", "patch")).isTrue();
        assertThat(allows(role, "dishtayantra.io", "dags/finalizers", "update")).isTrue();
        assertThat(allows(role, "apps", "deployments", "update")).isTrue();
        assertThat(allows(role, "", "configmaps", "create")).isTrue();
        assertThat(allows(role, "", "services", "update")).isTrue();
        assertThat(allows(role, "", "events", "create")).isTrue();
        assertThat(allows(role, "", "serviceaccounts", "create")).isTrue();
        assertThat(allows(role, "rbac.authorization.k8s.io", "roles", "update")).isTrue();
        assertThat(allows(role, "apiextensions.k8s.io", "customresourcedefinitions", "get")).isTrue();
        assertThat(allows(role, "authorization.k8s.io", "selfsubjectrulesreviews", "create")).isTrue();
        // fabric8 renews a Lease with a PATCH, and the status lists the runtime's Lease holders.
        assertThat(allows(role, "coordination.k8s.io", "leases", "patch")).isTrue();
        assertThat(allows(role, "coordination.k8s.io", "leases", "watch")).isTrue();
    }

    @Test
    void operatorRoleCoversRuntimeRole() throws IOException {
        ClusterRole operatorRole = only(load("operator.yaml"), ClusterRole.class);

        // Kubernetes only lets the operator create a Role with rights it has itself.
        for (PolicyRule rule : RuntimeRbacModel.role("any", "dishtayantra-runtime").getRules()) {
            for (String verb : rule.getVerbs()) {
                assertThat(allows(operatorRole, rule.getApiGroups().getFirst(), rule.getResources().getFirst(), verb))
                        .as("operator may grant %s on %s", verb, rule.getResources()).isTrue();
            }
        }
    }

    @Test
    void operatorDeploymentElectsLeader() throws IOException {
        Deployment deployment = only(load("operator.yaml"), Deployment.class);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getEnv()).extracting("name").contains("POD_NAME", "POD_NAMESPACE");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    }

    @Test
    void runtimeAuthRoleAllowsReviews() throws IOException {
        ClusterRole role = only(load("runtime-auth.yaml"), ClusterRole.class);

        assertThat(allows(role, "authentication.k8s.io", "tokenreviews", "create")).isTrue();
        assertThat(allows(role, "authorization.k8s.io", "subjectaccessreviews", "create")).isTrue();
    }

    private static List<HasMetadata> load(String file) throws IOException {
        try (InputStream in = Files.newInputStream(DEPLOY.resolve(file))) {
            Object parsed = new KubernetesSerialization().unmarshal(in);
            if (parsed instanceof List<?> list) {
                return list.stream().map(HasMetadata.class::cast).toList();
            }
            return List.of((HasMetadata) parsed);
        }
    }

    private static <T> T only(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> {
            throw new AssertionError("more than one " + type.getSimpleName());
        }).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }

    private static boolean allows(ClusterRole role, String group, String resource, String verb) {
        return role.getRules().stream().anyMatch(rule -> rule.getApiGroups().contains(group)
                && rule.getResources().contains(resource) && rule.getVerbs().contains(verb));
    }
}
