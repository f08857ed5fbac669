package io.dishtayantra.charts;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.config.OperatorConfigLoader;
import io.dishtayantra.operator.model.Labels;
import io.dishtayantra.operator.model.RuntimeContract;
import io.dishtayantra.operator.model.RuntimeDeploymentModel;
import io.dishtayantra.operator.reconciler.NormalizerSpecNormalization;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's monitors and NetworkPolicies select the pods the operator actually creates: the
 * runtime pod template comes from the operator's own Deployment model.
 */
class ScrapeTargetsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> monitoring = HelmChart.templateAsObjects(ChartScenario.MONITORING.chartValues());

    @Test
    void serviceMonitorSelectsTheOperatorService() {
        ServiceMonitor monitor = OperatorDeploymentTest.only(monitoring, ServiceMonitor.class);
        Service service = OperatorDeploymentTest.only(monitoring, Service.class);

        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(service.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getName()).isEqualTo(endpoint.getPort()));
            assertThat(endpoint.getPath()).isEqualTo("/metrics");
        });
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    }

    @Test
    void podMonitorSelectsRuntimePods() throws IOException {
        PodMonitor monitor = OperatorDeploymentTest.only(monitoring, PodMonitor.class);
        PodTemplateSpec pod = runtimePodTemplate();
        Container container = pod.getSpec().getContainers().get(0);

        assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
        assertThat(monitor.getSpec().getPodMetricsEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(container.getPorts()).anySatisfy(port -> assertThat(port.getName()).isEqualTo(endpoint.getPort()));
            assertThat(endpoint.getPath()).isEqualTo(RuntimeContract.METRICS_PATH);
            String dagLabel = "__meta_kubernetes_pod_label_" + Labels.DAG.replaceAll("[^A-Za-z0-9]", "_");
            assertThat(endpoint.getRelabelings()).anySatisfy(relabel -> assertThat(relabel.getSourceLabels()).containsExactly(dagLabel));
        });
    }

    @Test
    void podMonitorWatchesTheWatchedNamespaces() {
        Map<String, Object> values = HelmChart.deepMerge(ChartScenario.MONITORING.chartValues(),
                ChartScenario.WATCH_NAMESPACES.chartValues());
        PodMonitor monitor = OperatorDeploymentTest.only(HelmChart.templateAsObjects(values), PodMonitor.class);

        assertThat(monitor.getSpec().getNamespaceSelector().getMatchNames()).containsExactlyInAnyOrder("trading", "risk");
        assertThat(OperatorDeploymentTest.only(monitoring, PodMonitor.class).getSpec().getNamespaceSelector().getAny()).isTrue();
    }

    @Test
    void networkPolicyAdmitsScrapesOfRuntimePods() throws IOException {
        List<HasMetadata> objects = HelmChart.templateAsObjects(ChartScenario.NETWORK_POLICY.chartValues());
        NetworkPolicy policy = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(candidate -> candidate.getMetadata().getName().endsWith("-runtime"))
                .findFirst().orElseThrow();
        PodTemplateSpec pod = runtimePodTemplate();

        assertThat(policy.getMetadata().getNamespace()).isEqualTo("trading");
        assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getPorts())
                .anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(RuntimeContract.HTTP_PORT)));
    }

    @Test
    void networkPolicyAdmitsScrapesOfTheOperator() {
        List<HasMetadata> objects = HelmChart.templateAsObjects(ChartScenario.NETWORK_POLICY.chartValues());
        NetworkPolicy policy = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(candidate -> candidate.getMetadata().getName().endsWith("-operator"))
                .findFirst().orElseThrow();

        assertThat(policy.getMetadata().getNamespace()).isEqualTo(HelmChart.RELEASE_NAMESPACE);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getTo())
                .anySatisfy(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.96.0.1/32")));
    }

    @Test
    void runtimePortMatchesTheOperatorContract() {
        assertThat(HelmChart.readYaml(HelmChart.chartDirectory().resolve("values.yaml")))
                .extractingByKey("runtime")
                .satisfies(runtime -> assertThat(((Map<?, ?>) runtime).get("httpPort")).isEqualTo(RuntimeContract.HTTP_PORT));
    }

    /** Builds the pod template of a runtime Deployment the way the operator does, with its default settings. */
    private static PodTemplateSpec runtimePodTemplate() throws IOException {
        Dag dag = SERIALIZATION.unmarshal("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: quotes, namespace: trading, uid: 0b6e3f4c-0000-4000-8000-000000000001}
                spec:
                  subscribers: [{name: quotes_in, uri: "mem://queue/raw_quotes"}]
                  publishers: [{name: quotes_out, uri: "file://out/clean_quotes.jsonl"}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: quotes_in}
                    - {name: emit, type: Publication, publishers: [quotes_out]}
                  edges: [{from: ingest, to: emit}]
                """, Dag.class);
        OperatorConfig config = OperatorConfigLoader.load(Map.of(), null);
        return RuntimeDeploymentModel.desired(dag, new NormalizerSpecNormalization().normalize(dag), config).getSpec().getTemplate();
    }
}

