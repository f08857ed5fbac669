package io.dishtayantra.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.http.TestHttp;
import io.dishtayantra.runtime.http.TestRuntime;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsEndpointTest {

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;
    static TestHttp anonymous;

    @BeforeAll
    static void startServer() {
        runtime = new TestRuntime(dataDirectory);
        runtime.start(TestRuntime.chain("metered"));
        runtime.start(TestRuntime.chain("removed"));
        anonymous = runtime.anonymous;
    }

    @AfterAll
    static void stopServer() {
        runtime.close();
    }

    @Test
    void metricsAreOpenAndInTextFormat() {
        TestHttp.Reply reply = anonymous.get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
    }

    @Test
    void jvmAndProcessMetricsParse() throws Exception {
        Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(anonymous.get("/metrics").body());
        assertThat(families).containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds");
        assertThat(families.get("jvm_memory_used_bytes").type()).isEqualTo("gauge");
    }

    private static PrometheusTextParser.Sample sample(Map<String, PrometheusTextParser.Family> families, String family,
            String sampleName, Map<String, String> labels) {
        return families.get(family).samples().stream()
                .filter(sample -> sample.name().equals(sampleName) && sample.labels().entrySet().containsAll(labels.entrySet()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No sample " + sampleName + labels + " in " + families.get(family)));
    }

    @Test
    void nodeCountersAreCountersPerDagAndNode() throws Exception {
        runtime.admin.post("/api/v1/dags/metered/nodes/ingest/events", Map.of("a", 1, "b", 2));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                runtime.engine.get("metered").orElseThrow().snapshot().eventsOut() >= 1);

        Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(anonymous.get("/metrics").body());
        assertThat(families.get("dishtayantra_node_events_in").type()).isEqualTo("counter");
        assertThat(sample(families, "dishtayantra_node_events_in", "dishtayantra_node_events_in_total",
                Map.of("dag", "metered", "node", "add")).value()).isGreaterThanOrEqualTo(1);
        assertThat(sample(families, "dishtayantra_dag_events_out", "dishtayantra_dag_events_out_total",
                Map.of("dag", "metered")).value()).isGreaterThanOrEqualTo(1);
        assertThat(sample(families, "dishtayantra_node_events_failed", "dishtayantra_node_events_failed_total",
                Map.of("dag", "metered", "node", "emit")).value()).isZero();
    }

    @Test
    void stateQueueAndConnectorGaugesParse() throws Exception {
        Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(anonymous.get("/metrics").body());
        assertThat(sample(families, "dishtayantra_dag_state", "dishtayantra_dag_state",
                Map.of("dag", "metered", "state", "RUNNING")).value()).isEqualTo(1);
        assertThat(sample(families, "dishtayantra_dag_state", "dishtayantra_dag_state",
                Map.of("dag", "metered", "state", "SUSPENDED")).value()).isZero();
        assertThat(families.get("dishtayantra_node_queue_depth").type()).isEqualTo("gauge");
        assertThat(sample(families, "dishtayantra_node_queue_capacity", "dishtayantra_node_queue_capacity",
                Map.of("dag", "metered", "node", "ingest")).value()).isPositive();
        assertThat(sample(families, "dishtayantra_connector_connected", "dishtayantra_connector_connected",
                Map.of("dag", "metered", "connector", "in", "role", "subscriber")).value()).isEqualTo(1);
        assertThat(families.get("dishtayantra_connector_messages").type()).isEqualTo("counter");
    }

    @Test
    void labelsAreOnlyDagNodeConnectorRoleState() throws Exception {
        Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(anonymous.get("/metrics").body());
        java.util.Set<String> allowed = java.util.Set.of("dag", "node", "connector", "role", "state");
        families.values().stream()
                .filter(family -> family.name().startsWith("dishtayantra_"))
                .flatMap(family -> family.samples().stream())
                .forEach(sample -> assertThat(allowed).as(sample.toString()).containsAll(sample.labels().keySet()));
    }

    @Test
    void removedDagSeriesDisappear() throws Exception {
        assertThat(anonymous.get("/metrics").body()).contains("dag=\"removed\"");
        runtime.engine.remove("removed");
        Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(anonymous.get("/metrics").body());
        families.values().stream()
                .flatMap(family -> family.samples().stream())
                .forEach(sample -> assertThat(sample.labels().get("dag")).as(sample.toString()).isNotEqualTo("removed"));
    }
}
