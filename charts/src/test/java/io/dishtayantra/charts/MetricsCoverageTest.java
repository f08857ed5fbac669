package io.dishtayantra.charts;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the dashboard and the alerts query is one that the runtime or the operator exports
 * (read from scrapes of their registries) or that the chart's kube-state-metrics configuration
 * defines. A renamed metric fails here instead of leaving an empty panel or a silent alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsCoverageTest {

    private final Set<String> exported = new TreeSet<>();
    private final List<Rule> rules = new ArrayList<>();

    @BeforeAll
    void scrape(@TempDir Path workDirectory) throws IOException {
        exported.addAll(ExportedMetrics.runtime(workDirectory));
        exported.addAll(ExportedMetrics.operator());
        exported.addAll(KubeStateMetricsConfigTest.metricNames());
        PrometheusRule rule = OperatorDeploymentTest.only(HelmChart.templateAsObjects(ChartScenario.MONITORING.chartValues()),
                PrometheusRule.class);
        rule.getSpec().getGroups().forEach(group -> rules.addAll(group.getRules()));
    }

    @Test
    void scrapesFoundTheCoreMetrics() {
        assertThat(exported).contains("dishtayantra_dag_state", "dishtayantra_node_events_in_total",
                "dishtayantra_operator_reconciliations_started_total", "dishtayantra_operator_is_leader");
    }

    @Test
    void dashboardQueriesOnlyExportedMetrics() throws IOException {
        JsonNode dashboard = DashboardTest.dashboard();
        Set<String> queried = new TreeSet<>();
        for (String expression : DashboardTest.expressions(dashboard)) {
            queried.addAll(PromQl.metricNames(expression));
        }

        assertThat(queried).as("metrics the dashboard queries").isNotEmpty();
        assertThat(exported).as("exported metrics").containsAll(queried);
    }

    @Test
    void alertsQueryOnlyExportedMetrics() {
        Set<String> queried = new TreeSet<>();
        for (Rule rule : rules) {
            queried.addAll(PromQl.metricNames(rule.getExpr().getStrVal()));
        }

        assertThat(queried).as("metrics the alerts query").isNotEmpty();
        assertThat(exported).as("exported metrics").containsAll(queried);
    }

    @Test
    void requiredAlertsExist() {
        List<String> alerts = rules.stream().map(Rule::getAlert).toList();

        assertThat(alerts).contains("DishtaYantraDagFailed", "DishtaYantraConnectorDown",
                "DishtaYantraNoEventsInActiveWindow", "DishtaYantraQueueNearFull", "DishtaYantraOperatorNotLeading");
        Rule connectorDown = rules.stream().filter(rule -> rule.getAlert().equals("DishtaYantraConnectorDown")).findFirst().orElseThrow();
        assertThat(connectorDown.getFor()).isEqualTo("5m");
        for (Rule rule : rules) {
            assertThat(rule.getLabels()).as("labels of " + rule.getAlert()).containsKey("severity");
            assertThat(rule.getAnnotations()).as("annotations of " + rule.getAlert()).containsKeys("summary", "description");
        }
    }

    @Test
    void queueRatioComesFromValues() {
        List<HasMetadata> objects = HelmChart.templateAsObjects(Map.of("monitoring", Map.of(
                "prometheusRule", Map.of("enabled", true, "queueFullRatio", 0.75))));
        PrometheusRule rule = OperatorDeploymentTest.only(objects, PrometheusRule.class);

        assertThat(rule.getSpec().getGroups()).flatExtracting(RuleGroup::getRules)
                .filteredOn(candidate -> "DishtaYantraQueueNearFull".equals(candidate.getAlert()))
                .singleElement()
                .satisfies(candidate -> assertThat(candidate.getExpr().getStrVal()).contains("> 0.75"));
    }

}
