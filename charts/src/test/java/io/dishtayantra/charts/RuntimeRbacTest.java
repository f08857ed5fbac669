package io.dishtayantra.charts;

import io.dishtayantra.operator.model.RuntimeRbacModel;
import io.dishtayantra.runtime.ha.InstanceLifecycle;
import io.dishtayantra.runtime.ha.LeaseCoordinator;
import io.dishtayantra.runtime.ha.LeaseTimings;
import io.dishtayantra.runtime.http.security.AccessDecision;
import io.dishtayantra.runtime.http.security.KubernetesAccessControl;
import io.dishtayantra.runtime.http.security.Permission;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runtime's ServiceAccount may make the API requests the runtime's code makes: its HTTP API's
 * access control and its Lease coordinator run against a recording mock API server, and the
 * requests are checked against the chart's RBAC in both namespace modes. The runtime's Role in
 * the chart is compared with the one the operator creates, so both modes grant the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeRbacTest {

    private static final String NAMESPACE = "trading";
    private static final String ACCOUNT = "dishtayantra-runtime";

    private List<ApiRequest> requests;

    @BeforeAll
    void recordAccessChecks() {
        try (RecordingApiServer api = new RecordingApiServer()) {
            api.server().expect().post().withPath("/apis/authentication.k8s.io/v1/tokenreviews")
                    .andReturn(201, new TokenReviewBuilder().withNewStatus().withAuthenticated(true)
                            .withNewUser().withUsername("alice").withUid("1").endUser().endStatus().build())
                    .always();
            api.server().expect().post().withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
                    .andReturn(201, new SubjectAccessReviewBuilder().withNewStatus().withAllowed(true).endStatus().build())
                    .always();
            try (KubernetesClient runtimeClient = api.newClient()) {
                KubernetesAccessControl accessControl = new KubernetesAccessControl(runtimeClient, NAMESPACE, Clock.systemUTC());
                HttpRequest<?> request = HttpRequest.GET("/api/v1/dags/quotes").bearerAuth("token-of-alice");

                AccessDecision read = accessControl.check(request, Permission.READ, "quotes");
                AccessDecision admin = accessControl.check(request, Permission.ADMIN, "quotes");

                assertThat(read.allowed()).as("read decision: " + read.message()).isTrue();
                assertThat(admin.allowed()).as("admin decision: " + admin.message()).isTrue();
            }
            recordLeaseElection(api);
            requests = api.requests();
        }
    }

    /** Runs the runtime's Lease coordinator until it is active and has renewed its Lease once. */
    private static void recordLeaseElection(RecordingApiServer api) {
        List<Integer> activations = new CopyOnWriteArrayList<>();
        InstanceLifecycle lifecycle = new InstanceLifecycle() {
            @Override
            public void activate(int index) {
                activations.add(index);
            }

            @Override
            public void deactivate(String reason) {
                activations.clear();
            }
        };
        LeaseTimings timings = new LeaseTimings(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500));
        try (KubernetesClient runtimeClient = api.newClient();
                LeaseCoordinator coordinator = new LeaseCoordinator(runtimeClient, "quotes", NAMESPACE, "quotes-0",
                        timings, () -> 1, lifecycle)) {
            coordinator.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !activations.isEmpty());
            await().atMost(Duration.ofSeconds(30)).until(() -> api.requests().stream()
                    .anyMatch(request -> "leases".equals(request.resource()) && request.verb().equals("patch")));
        }
    }

    @Test
    void sessionReviewedTokensAndHeldLeases() {
        assertThat(RequiredPermissions.of(requests)).contains(
                "create authentication.k8s.io/tokenreviews", "create authorization.k8s.io/subjectaccessreviews",
                "create coordination.k8s.io/leases", "patch coordination.k8s.io/leases");
    }

    @Test
    void watchNamespacesModeAllowsEveryRequest() {
        assertAllowed(HelmChart.templateAsObjects(ChartScenario.WATCH_NAMESPACES.chartValues()));
    }

    @Test
    void allNamespacesModeAllowsEveryRequest() {
        List<HasMetadata> objects = new ArrayList<>(HelmChart.templateAsObjects(Map.of("rbac",
                Map.of("workloadNamespaces", List.of(NAMESPACE)))));
        objects.add(RuntimeRbacModel.role(NAMESPACE, ACCOUNT));
        objects.add(RuntimeRbacModel.roleBinding(NAMESPACE, ACCOUNT));

        assertAllowed(objects);
    }

    @Test
    void chartRuntimeRoleEqualsTheOperators() {
        Role chartRole = HelmChart.templateAsObjects(ChartScenario.WATCH_NAMESPACES.chartValues()).stream()
                .filter(Role.class::isInstance).map(Role.class::cast)
                .filter(role -> role.getMetadata().getName().equals(HelmChart.FULLNAME + "-runtime"))
                .filter(role -> NAMESPACE.equals(role.getMetadata().getNamespace()))
                .findFirst().orElseThrow();

        assertThat(chartRole.getRules()).isEqualTo(RuntimeRbacModel.role(NAMESPACE, ACCOUNT).getRules());
    }

    private void assertAllowed(List<HasMetadata> objects) {
        RbacAuthorizer authorizer = new RbacAuthorizer(objects);
        Set<String> denied = new LinkedHashSet<>();
        for (ApiRequest request : requests) {
            if (!authorizer.allows(NAMESPACE, ACCOUNT, request)) {
                denied.add(request.describe());
            }
        }

        assertThat(requests).as("recorded requests").isNotEmpty();
        assertThat(denied).as("runtime requests the RBAC does not allow").isEmpty();
    }
}
