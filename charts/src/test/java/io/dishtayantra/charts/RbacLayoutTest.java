package io.dishtayantra.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which RBAC objects the chart renders where, for every namespace mode. */
class RbacLayoutTest {

    private static final String OPERATOR_ROLE = HelmChart.FULLNAME + "-operator";

    @Test
    void allNamespacesUseAClusterRole() {
        List<HasMetadata> objects = HelmChart.templateAsObjects(Map.of());

        assertThat(named(objects, ClusterRole.class, OPERATOR_ROLE)).hasSize(1);
        ClusterRoleBinding binding = named(objects, ClusterRoleBinding.class, OPERATOR_ROLE).get(0);
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getName()).isEqualTo(HelmChart.FULLNAME);
            assertThat(subject.getNamespace()).isEqualTo(HelmChart.RELEASE_NAMESPACE);
        });
        assertThat(named(objects, Role.class, OPERATOR_ROLE)).isEmpty();
    }

    @Test
    void watchNamespacesUseARolePerNamespace() {
        List<HasMetadata> objects = HelmChart.templateAsObjects(ChartScenario.WATCH_NAMESPACES.chartValues());

        assertThat(named(objects, ClusterRole.class, OPERATOR_ROLE)).isEmpty();
        assertThat(named(objects, ClusterRoleBinding.class, OPERATOR_ROLE)).isEmpty();
        assertThat(named(objects, Role.class, OPERATOR_ROLE))
                .extracting(role -> role.getMetadata().getNamespace())
                .containsExactlyInAnyOrder("trading", "risk");
        assertThat(named(objects, RoleBinding.class, OPERATOR_ROLE))
                .extracting(binding -> binding.getMetadata().getNamespace())
                .containsExactlyInAnyOrder("trading", "risk");
    }

    @Test
    void operatorHoldsLeaseRightsOnlyWhenWatchingAllNamespaces() {
        ClusterRole clusterRole = named(HelmChart.templateAsObjects(Map.of()), ClusterRole.class, OPERATOR_ROLE).get(0);
        Role namespaceRole = named(HelmChart.templateAsObjects(ChartScenario.WATCH_NAMESPACES.chartValues()),
                Role.class, OPERATOR_ROLE).get(0);

        assertThat(leaseVerbs(clusterRole.getRules())).as("runtime Role rules the operator must hold to grant them")
                .contains("create", "update", "patch");
        assertThat(leaseVerbs(namespaceRole.getRules())).as("Lease verbs in a watched namespace")
                .containsExactlyInAnyOrder("list", "watch");
    }

    @Test
    void leaderElectionRoleIsLimitedToItsLease() {
        Role role = named(HelmChart.templateAsObjects(Map.of()), Role.class, HelmChart.FULLNAME + "-leader-election").get(0);

        assertThat(role.getMetadata().getNamespace()).isEqualTo(HelmChart.RELEASE_NAMESPACE);
        assertThat(role.getRules()).filteredOn(rule -> rule.getVerbs().contains("patch"))
                .singleElement()
                .satisfies(rule -> assertThat(rule.getResourceNames()).containsExactly(HelmChart.FULLNAME));
    }

    @Test
    void leaderElectionOffDropsItsRole() {
        Map<String, Object> values = Map.of("operator", Map.of("replicas", 1,
                "leaderElection", Map.of("enabled", false), "podDisruptionBudget", Map.of("enabled", false)));

        assertThat(named(HelmChart.templateAsObjects(values), Role.class, HelmChart.FULLNAME + "-leader-election")).isEmpty();
    }

    @Test
    void watchedNamespacesGetRuntimeAccounts() {
        List<HasMetadata> objects = HelmChart.templateAsObjects(ChartScenario.WATCH_NAMESPACES.chartValues());

        for (String namespace : List.of("trading", "risk")) {
            assertThat(inNamespace(objects, ServiceAccount.class, namespace))
                    .extracting(account -> account.getMetadata().getName())
                    .containsExactly("dishtayantra-runtime");
            assertThat(inNamespace(objects, Role.class, namespace))
                    .extracting(role -> role.getMetadata().getName())
                    .containsExactlyInAnyOrder(OPERATOR_ROLE, HelmChart.FULLNAME + "-runtime");
        }
        ClusterRoleBinding auth = named(objects, ClusterRoleBinding.class, HelmChart.FULLNAME + "-runtime-auth").get(0);
        assertThat(auth.getSubjects()).extracting(Subject::getNamespace).containsExactlyInAnyOrder("trading", "risk");
        assertThat(auth.getSubjects()).extracting(Subject::getName).containsOnly("dishtayantra-runtime");
    }

    @Test
    void allNamespacesLeaveRuntimeAccountsToTheOperator() {
        List<HasMetadata> objects = HelmChart.templateAsObjects(Map.of("rbac", Map.of("workloadNamespaces", List.of("trading"))));

        assertThat(inNamespace(objects, ServiceAccount.class, "trading")).isEmpty();
        ClusterRoleBinding auth = named(objects, ClusterRoleBinding.class, HelmChart.FULLNAME + "-runtime-auth").get(0);
        assertThat(auth.getSubjects()).singleElement()
                .satisfies(subject -> assertThat(subject.getNamespace()).isEqualTo("trading"));
        assertThat(OperatorDeploymentTest.environment(OperatorDeploymentTest.only(objects,
                Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0)))
                .containsEntry("DY_OPERATOR_RUNTIME_MANAGE_RBAC", "true");
    }

    @Test
    void userRolesAggregateIntoBuiltInRoles() {
        List<HasMetadata> objects = HelmChart.templateAsObjects(Map.of());
        ClusterRole viewer = named(objects, ClusterRole.class, "dishtayantra-viewer").get(0);
        ClusterRole editor = named(objects, ClusterRole.class, "dishtayantra-editor").get(0);

        assertThat(viewer.getMetadata().getLabels()).containsEntry("rbac.authorization.k8s.io/aggregate-to-view", "true");
        assertThat(editor.getMetadata().getLabels())
                .containsEntry("rbac.authorization.k8s.io/aggregate-to-edit", "true")
                .containsEntry("rbac.authorization.k8s.io/aggregate-to-admin", "true");
        assertThat(verbsOn(viewer, "dags")).containsExactlyInAnyOrder("get", "list", "watch");
        assertThat(verbsOn(viewer, "timewindows")).containsExactlyInAnyOrder("get", "list", "watch");
        assertThat(verbsOn(editor, "dags"))
                .containsExactlyInAnyOrder("get", "list", "watch", "create", "update", "patch", "delete");
        assertThat(verbsOn(editor, "timewindows"))
                .containsExactlyInAnyOrder("get", "list", "watch", "create", "update", "patch", "delete");
    }

    @Test
    void rbacCreateFalseRendersNoRbac() {
        List<HasMetadata> objects = HelmChart.templateAsObjects(Map.of("rbac", Map.of("create", false, "userRoles", false)));

        assertThat(objects).noneMatch(object -> object.getApiVersion().startsWith("rbac.authorization.k8s.io/"));
    }

    private static List<String> verbsOn(ClusterRole role, String resource) {
        return role.getRules().stream()
                .filter(rule -> rule.getResources().contains(resource))
                .flatMap(rule -> rule.getVerbs().stream())
                .toList();
    }

    private static List<String> leaseVerbs(List<PolicyRule> rules) {
        return rules.stream()
                .filter(rule -> rule.getResources().contains("leases"))
                .flatMap(rule -> rule.getVerbs().stream())
                .toList();
    }

    private static <T extends HasMetadata> List<T> named(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                .filter(object -> object.getMetadata().getName().equals(name))
                .toList();
    }

    private static <T extends HasMetadata> List<T> inNamespace(List<HasMetadata> objects, Class<T> type, String namespace) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                .filter(object -> namespace.equals(object.getMetadata().getNamespace()))
                .toList();
    }
}
