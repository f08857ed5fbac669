package io.dishtayantra.charts;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagStatus;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.operator.window.CloneCronJobs;
import io.dishtayantra.operator.window.CloneLabels;
import io.dishtayantra.operator.window.DagWindowResolver;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.dishtayantra.operator.CrdCheck;
import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.config.OperatorConfigLoader;
import io.dishtayantra.operator.reconciler.RuntimeSpecValidation;
import io.dishtayantra.operator.reconciler.NormalizerSpecNormalization;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the real operator, configured from the chart's rendered Deployment and ConfigMap, against
 * a recording mock API server through a DAG's lifecycle (create, spec change, deleted Deployment,
 * suspend, invalid spec, name conflicts, a tampered runtime Role, an operator restart). Then every
 * request it made is checked against the RBAC the chart grants its ServiceAccount, and every
 * granted rule against what the session needed. So the chart's rules follow the operator's code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorRbacTest {

    private static final String NAMESPACE = "trading";

    /**
     * Permissions the chart grants that a session needs only when a write meets a conflict: JOSDK
     * reads a DAG again after a 409 on its finalizer or status patch. Whether a run meets one
     * depends on timing, so these count as needed without being recorded.
     */
    private static final Set<String> NEEDED_ON_CONFLICT = Set.of("get dishtayantra.io/dags");
    /** Name of a clone template's CronJob, ServiceAccount, Role and RoleBinding. */
    private static final String CLONE_OBJECTS = CloneCronJobs.objectName("session-tpl");
    private static final String APPLIED_HASH = io.dishtayantra.operator.model.Labels.APPLIED_HASH_ANNOTATION;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Map<ChartScenario, Session> sessions = new EnumMap<>(ChartScenario.class);

    /** What one scenario rendered and what the operator requested. */
    private record Session(List<HasMetadata> chart, OperatorConfig config, List<ApiRequest> requests) {
    }

    @BeforeAll
    void recordSessions() throws IOException {
        for (ChartScenario scenario : List.of(ChartScenario.DEFAULTS, ChartScenario.WATCH_NAMESPACES)) {
            Session session = record(scenario.chartValues());
            sessions.put(scenario, session);
            writeSummary(scenario, session.requests());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULTS", "WATCH_NAMESPACES"})
    void everyRequestIsAllowed(ChartScenario scenario) {
        Session session = sessions.get(scenario);
        RbacAuthorizer authorizer = new RbacAuthorizer(session.chart());
        Set<String> denied = new LinkedHashSet<>();
        for (ApiRequest request : session.requests()) {
            if (!authorizer.allows(HelmChart.RELEASE_NAMESPACE, HelmChart.FULLNAME, request)) {
                denied.add(request.describe());
            }
        }

        assertThat(session.requests()).as("recorded requests").isNotEmpty();
        assertThat(denied).as("operator requests the chart's RBAC does not allow").isEmpty();
    }

    @Test
    void plainManifestAllowsEveryRequest() throws IOException {
        List<HasMetadata> manifest = new ArrayList<>();
        String text = Files.readString(HelmChart.repositoryRoot().resolve("deploy/operator.yaml"));
        for (String document : HelmChart.documents(text)) {
            manifest.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        RbacAuthorizer authorizer = new RbacAuthorizer(manifest);
        Set<String> denied = new LinkedHashSet<>();
        for (ApiRequest request : sessions.get(ChartScenario.DEFAULTS).requests()) {
            if (!authorizer.allows("dishtayantra-system", "dishtayantra-operator", request)) {
                denied.add(request.describe());
            }
        }

        assertThat(denied).as("operator requests deploy/operator.yaml does not allow").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULTS", "WATCH_NAMESPACES"})
    void everyGrantedRuleIsNeeded(ChartScenario scenario) {
        // Both sessions run the same code, so a rule counts as needed when either session needed it:
        // which requests a run makes (a create that conflicts, then a get and an update) depends on timing.
        Session session = sessions.get(scenario);
        Set<String> required = new TreeSet<>(NEEDED_ON_CONFLICT);
        sessions.values().forEach(recorded -> required.addAll(RequiredPermissions.of(recorded.requests())));
        Set<String> unused = new TreeSet<>();
        for (PolicyRule rule : new RbacAuthorizer(session.chart()).allRulesOf(HelmChart.RELEASE_NAMESPACE, HelmChart.FULLNAME)) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        String permission = RequiredPermissions.permission(verb, group, resource);
                        if (!required.contains(permission)) {
                            unused.add(permission);
                        }
                    }
                }
            }
        }

        assertThat(unused).as("rules the operator's session did not need; remove them from the chart, or"
                + " extend the session when the operator has a new code path").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULTS", "WATCH_NAMESPACES"})
    void rolesTheOperatorWritesGrantOnlyWhatItHolds(ChartScenario scenario) {
        Session session = sessions.get(scenario);
        RbacAuthorizer authorizer = new RbacAuthorizer(session.chart());
        Set<String> escalations = new TreeSet<>();
        for (ApiRequest request : session.requests()) {
            boolean writesRole = request.isResourceRequest() && request.resource().equals("roles")
                    && (request.verb().equals("create") || request.verb().equals("update"));
            if (!writesRole) {
                continue;
            }
            Role role = SERIALIZATION.unmarshal(request.body(), Role.class);
            for (PolicyRule rule : role.getRules()) {
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        for (String verb : rule.getVerbs()) {
                            ApiRequest granted = new ApiRequest("", "", verb, group, resource, null,
                                    request.namespace(), null, "");
                            if (!authorizer.allows(HelmChart.RELEASE_NAMESPACE, HelmChart.FULLNAME, granted)) {
                                escalations.add(granted.verb() + " " + group + "/" + resource + " in " + request.namespace());
                            }
                        }
                    }
                }
            }
        }

        assertThat(escalations).as("rules in Roles the operator writes but does not hold; the API server"
                + " rejects such a Role as an escalation").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULTS", "WATCH_NAMESPACES"})
    void sessionCoversTheLifecycle(ChartScenario scenario) {
        Set<String> required = RequiredPermissions.of(sessions.get(scenario).requests());

        assertThat(required).contains("watch dishtayantra.io/dags", "create apps/deployments", "create configmaps",
                "create services", "patch dishtayantra.io/dags/status", "create events", "update events",
                "get configmaps", "get apps/deployments", "get services");
        assertThat(required).as("clone template objects").contains("create batch/cronjobs", "delete batch/cronjobs",
                "create dishtayantra.io/dags", "delete dishtayantra.io/dags", "patch dishtayantra.io/timewindows/status");
        Session session = sessions.get(scenario);
        List<String> rolesCreated = session.requests().stream()
                .filter(request -> request.isResourceRequest() && request.resource().equals("roles")
                        && request.verb().equals("create"))
                .map(request -> SERIALIZATION.unmarshal(request.body(), Role.class).getMetadata().getName())
                .toList();
        String runtimeRole = session.config().runtimeServiceAccount();
        if (session.config().manageRuntimeRbac()) {
            assertThat(rolesCreated).as("Roles the operator created").contains(runtimeRole, CLONE_OBJECTS);
        } else {
            assertThat(rolesCreated).as("Roles the operator created").containsOnly(CLONE_OBJECTS);
        }
    }

    /** Renders the chart, starts the operator as the chart configures it, and drives the lifecycle. */
    private static Session record(Map<String, Object> values) throws IOException {
        List<HasMetadata> chart = HelmChart.templateAsObjects(values);
        OperatorConfig config = configFromChart(chart).withHttpPort(0);

        try (RecordingApiServer api = new RecordingApiServer()) {
            KubernetesClient client = api.testClient();
            try (KubernetesClient operatorClient = api.newClient()) {
                DagOperator operator = start(operatorClient, config);
                try {
                    driveLifecycle(client, config);
                } finally {
                    operator.close();
                }
            }
            // A restarted operator has no memory of the Events it wrote, so it updates them.
            try (KubernetesClient operatorClient = api.newClient()) {
                DagOperator operator = start(operatorClient, config);
                try {
                    await().atMost(WAIT).until(() -> client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                            .anyMatch(event -> event.getCount() != null && event.getCount() >= 2));
                } finally {
                    operator.close();
                }
            }
            return new Session(chart, config, api.requests());
        }
    }

    /** Starts an operator the way OperatorMain does: CRD check first. */
    private static DagOperator start(KubernetesClient client, OperatorConfig config) throws IOException {
        CrdCheck.problems(client);
        DagOperator operator = new DagOperator(client, config, new RuntimeSpecValidation(), new NormalizerSpecNormalization(),
                () -> { });
        operator.start();
        return operator;
    }

    /** Loads the operator's settings from the rendered Deployment's environment and configuration file. */
    private static OperatorConfig configFromChart(List<HasMetadata> chart) throws IOException {
        Deployment deployment = OperatorDeploymentTest.only(chart, Deployment.class);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        ConfigMap configMap = OperatorDeploymentTest.only(chart, ConfigMap.class, HelmChart.FULLNAME + "-config");

        Path configFile = Files.createTempFile("operator-", ".properties");
        Files.writeString(configFile, configMap.getData().get("operator.properties"));
        Map<String, String> environment = new HashMap<>(OperatorDeploymentTest.environment(container));
        environment.put(OperatorConfigLoader.CONFIG_FILE_VARIABLE, configFile.toString());
        environment.put("POD_NAME", HelmChart.FULLNAME + "-0");
        environment.put("POD_NAMESPACE", HelmChart.RELEASE_NAMESPACE);
        try {
            return OperatorConfigLoader.load(environment, null);
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    private static void driveLifecycle(KubernetesClient client, OperatorConfig config) {
        client.resource(dag("quotes", "ingest")).create();
        awaitStatus(client, "quotes", status -> status.getPhase() != null);

        Dag changed = client.resources(Dag.class).inNamespace(NAMESPACE).withName("quotes").get();
        changed.getSpec().getCalculators().get(0).getConfig().put("defaults", Map.of("desk", "EM"));
        client.resource(changed).update();
        awaitStatus(client, "quotes", status -> Long.valueOf(2).equals(status.getObservedGeneration()));

        client.apps().deployments().inNamespace(NAMESPACE).withName("quotes").delete();
        await().atMost(WAIT).until(() -> client.apps().deployments().inNamespace(NAMESPACE).withName("quotes").get() != null);

        // A Service changed behind the operator's back is restored.
        client.services().inNamespace(NAMESPACE).withName("quotes").edit(service -> {
            service.getMetadata().getAnnotations().remove(APPLIED_HASH);
            return service;
        });
        await().atMost(WAIT).until(() -> client.services().inNamespace(NAMESPACE).withName("quotes").get()
                .getMetadata().getAnnotations().containsKey(APPLIED_HASH));

        Dag suspended = client.resources(Dag.class).inNamespace(NAMESPACE).withName("quotes").get();
        suspended.getSpec().setSuspend(true);
        client.resource(suspended).update();
        awaitStatus(client, "quotes", status -> "Suspended".equals(status.getPhase()));

        client.resource(dag("broken", "missing")).create();
        awaitStatus(client, "broken", status -> "Invalid".equals(status.getPhase()));

        // Objects that already exist under a DAG's name make the operator read them before it gives up.
        client.resource(new ConfigMapBuilder().withNewMetadata().withName("taken-config").withNamespace(NAMESPACE)
                .endMetadata().build()).create();
        client.resource(dag("taken-config", "ingest")).create();
        client.resource(new DeploymentBuilder().withNewMetadata().withName("taken-deployment").withNamespace(NAMESPACE)
                .endMetadata().withNewSpec().endSpec().build()).create();
        client.resource(dag("taken-deployment", "ingest")).create();
        client.resource(new ServiceBuilder().withNewMetadata().withName("taken-service").withNamespace(NAMESPACE)
                .endMetadata().withNewSpec().endSpec().build()).create();
        client.resource(dag("taken-service", "ingest")).create();
        for (String name : List.of("taken-config", "taken-deployment", "taken-service")) {
            awaitStatus(client, name, status -> "Failed".equals(status.getPhase()));
        }

        if (config.manageRuntimeRbac()) {
            tamperWithRuntimeRole(client, config.runtimeServiceAccount());
        }

        driveCloneTemplate(client);
    }

    /**
     * Runs a clone template through its life: a TimeWindow with autoClone makes the DAG that
     * references it a template, which gets a CronJob with its own ServiceAccount, Role and
     * RoleBinding, due clones, and the deletion of clones beyond autoClone.keep. Turning autoClone
     * off deletes the CronJob and its RBAC again.
     */
    private static void driveCloneTemplate(KubernetesClient client) {
        Dag stale = dag("session-tpl-20200101", "ingest");
        stale.getMetadata().setLabels(Map.of(CloneLabels.TEMPLATE, "session-tpl"));
        client.resource(stale).create();
        client.resource(SERIALIZATION.unmarshal("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: TimeWindow
                metadata:
                  name: session
                  namespace: %s
                spec:
                  timeZone: UTC
                  start: "00:00"
                  end: "23:59"
                  outside: Suspend
                  autoClone: {enabled: true, before: 30m, keep: 1}
                """.formatted(NAMESPACE), TimeWindow.class)).create();
        Dag template = dag("session-tpl", "ingest");
        template.getSpec().setTimeWindowRef("session");
        client.resource(template).create();

        await().atMost(WAIT).until(() ->
                client.resources(CronJob.class).inNamespace(NAMESPACE).withName(CLONE_OBJECTS).get() != null);
        await().atMost(WAIT).until(() ->
                client.resources(Dag.class).inNamespace(NAMESPACE).withName(stale.getMetadata().getName()).get() == null);
        await().atMost(WAIT).until(() -> {
            TimeWindow window = client.resources(TimeWindow.class).inNamespace(NAMESPACE).withName("session").get();
            return window.getStatus() != null && window.getStatus().getState() != null;
        });

        // The operator deletes a former template's objects only once its status recorded it as a template.
        awaitStatus(client, "session-tpl", status -> status.getWindow() != null
                && status.getWindow().startsWith(DagWindowResolver.TEMPLATE_PREFIX));
        TimeWindow window = client.resources(TimeWindow.class).inNamespace(NAMESPACE).withName("session").get();
        window.getSpec().getAutoClone().setEnabled(false);
        client.resource(window).update();
        await().atMost(WAIT).until(() ->
                client.resources(CronJob.class).inNamespace(NAMESPACE).withName(CLONE_OBJECTS).get() == null);
    }

    /** Changes the runtime Role the operator created, then makes it reconcile and restore the rules. */
    private static void tamperWithRuntimeRole(KubernetesClient client, String roleName) {
        Role role = client.rbac().roles().inNamespace(NAMESPACE).withName(roleName).get();
        List<PolicyRule> original = role.getRules();
        role.setRules(List.of(new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get").build()));
        client.resource(role).update();

        Dag resumed = client.resources(Dag.class).inNamespace(NAMESPACE).withName("quotes").get();
        resumed.getSpec().setSuspend(false);
        client.resource(resumed).update();
        await().atMost(WAIT).until(() ->
                original.equals(client.rbac().roles().inNamespace(NAMESPACE).withName(roleName).get().getRules()));
    }

    private static void awaitStatus(KubernetesClient client, String name, Predicate<DagStatus> condition) {
        await().atMost(WAIT).until(() -> {
            Dag current = client.resources(Dag.class).inNamespace(NAMESPACE).withName(name).get();
            return current != null && current.getStatus() != null && condition.test(current.getStatus());
        });
    }

    /** Writes the distinct permissions a session needed to target/, for reviewing the chart's rules. */
    private static void writeSummary(ChartScenario scenario, List<ApiRequest> requests) throws IOException {
        Path file = Path.of("target", "operator-permissions-" + scenario.name().toLowerCase(Locale.ROOT) + ".txt");
        Files.createDirectories(file.getParent());
        Files.write(file, new ArrayList<>(RequiredPermissions.of(requests)));
    }

    /** Builds a small DAG whose edge starts at {@code edgeSource}; a node name other than ingest makes it invalid. */
    private static Dag dag(String name, String edgeSource) {
        return SERIALIZATION.unmarshal("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  subscribers:
                    - name: quotes_in
                      uri: mem://queue/raw_quotes
                  publishers:
                    - name: quotes_out
                      uri: file://out/clean_quotes.jsonl
                  calculators:
                    - name: fill_gaps
                      type: ApplyDefaults
                      config:
                        defaults:
                          desk: G10
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: quotes_in, calculator: fill_gaps}
                    - {name: emit, type: Publication, publishers: [quotes_out]}
                  edges:
                    - {from: %s, to: emit}
                """.formatted(name, NAMESPACE, edgeSource), Dag.class);
    }
}
