package io.dishtayantra.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Grafana dashboard: valid JSON, a sound layout, shipped unchanged in its ConfigMap. */
class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode dashboard() throws IOException {
        return JSON.readTree(Files.readString(HelmChart.chartDirectory().resolve("files/dashboards/dishtayantra.json")));
    }

    /** Returns every PromQL expression of the dashboard: panel targets and template variable queries. */
    static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                expressions.add(variable.path("definition").asText());
            }
        }
        return expressions;
    }

    @Test
    void panelIdsAreUnique() throws IOException {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard().path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s of '%s' is used twice",
                    panel.path("id"), panel.path("title").asText()).isTrue();
        }
    }

    @Test
    void panelsFitTheGrid() throws IOException {
        for (JsonNode panel : dashboard().path("panels")) {
            JsonNode grid = panel.path("gridPos");
            String title = panel.path("title").asText();
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as("right edge of " + title).isLessThanOrEqualTo(24);
            assertThat(grid.path("w").asInt()).as("width of " + title).isPositive();
            assertThat(grid.path("h").asInt()).as("height of " + title).isPositive();
        }
    }

    @Test
    void panelsQueryThroughTheDataSourceVariable() throws IOException {
        for (JsonNode panel : dashboard().path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            String title = panel.path("title").asText();
            assertThat(panel.path("description").asText()).as("description of " + title).isNotBlank();
            assertThat(panel.path("targets")).as("targets of " + title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as("query of " + title).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).as("data source of " + title)
                        .isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void dashboardCoversTheRequiredViews() throws IOException {
        List<String> titles = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> titles.add(panel.path("title").asText()));

        assertThat(titles).contains("DAGs by phase", "Events in per second by DAG", "Events per second by node",
                "Failures per second by DAG", "Node latency percentiles", "Queue fill by node", "Connector health",
                "DAG takeovers in the last hour", "Reconciliations per second", "Reconcile errors per minute");
    }

    @Test
    void configMapCarriesTheDashboardForTheSidecar() throws IOException {
        ConfigMap configMap = OperatorDeploymentTest.only(HelmChart.templateAsObjects(Map.of()), ConfigMap.class,
                HelmChart.FULLNAME + "-dashboard");

        assertThat(configMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(JSON.readTree(configMap.getData().get("dishtayantra.json"))).isEqualTo(dashboard());
    }

    @Test
    void dashboardOffRendersNoConfigMap() {
        assertThat(HelmChart.templateAsObjects(Map.of("monitoring", Map.of("grafanaDashboard", Map.of("enabled", false)))))
                .noneMatch(object -> object.getMetadata().getName().endsWith("-dashboard"));
    }
}
