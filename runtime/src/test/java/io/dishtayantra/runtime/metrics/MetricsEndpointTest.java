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
        runtime.start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: traced}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/traced-in"}]
                  calculators: [{name: tracer, type: io.dishtayantra.runtime.testplugins.Trace}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in, calculator: tracer}
                """);
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
        java.util.Set<String> allowed = java.util.Set.of("dag", "node", "connector", "role", "state", "component", "le");
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

    @Test
    void processingTimeIsHistogramPerNode() throws Exception {
        runtime.admin.post("/api/v1/dags/metered/nodes/ingest/events", Map.of("a", 3, "b", 4));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                runtime.engine.get("metered").orElseThrow().snapshot().nodes().get(1).in() >= 1);

        Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(anonymous.get("/metrics").body());
        PrometheusTextParser.Family latency = families.get(DagMetricsCollector.LATENCY);
        assertThat(latency.type()).isEqualTo("histogram");
        Map<String, String> add = Map.of("dag", "metered", "node", "add");
        double count = sample(families, DagMetricsCollector.LATENCY, DagMetricsCollector.LATENCY + "_count", add).value();
        long nodeIn = runtime.engine.get("metered").orElseThrow().snapshot().nodes().get(1).in();
        assertThat(count).isEqualTo(nodeIn);
        assertThat(sample(families, DagMetricsCollector.LATENCY, DagMetricsCollector.LATENCY + "_bucket",
                Map.of("dag", "metered", "node", "add", "le", "+Inf")).value()).isEqualTo(count);
        assertThat(sample(families, DagMetricsCollector.LATENCY, DagMetricsCollector.LATENCY + "_sum", add).value()).isPositive();

        double previous = 0;
        for (PrometheusTextParser.Sample bucket : latency.samples()) {
            if (bucket.name().endsWith("_bucket") && bucket.labels().get("node").equals("add") && bucket.labels().get("dag").equals("metered")) {
                assertThat(bucket.value()).as("cumulative bucket " + bucket.labels().get("le")).isGreaterThanOrEqualTo(previous);
                previous = bucket.value();
            }
        }
    }

    @Test
    void componentMetricsAreExported() throws Exception {
        runtime.admin.post("/api/v1/dags/traced/nodes/ingest/events", Map.of("x", 1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                runtime.engine.get("traced").orElseThrow().snapshot().eventsIn() >= 1);
        Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(anonymous.get("/metrics").body());
        PrometheusTextParser.Family traced = families.get("dishtayantra_component_traced_events");
        assertThat(traced.type()).isEqualTo("counter");
        assertThat(traced.samples().getFirst().labels()).containsEntry("dag", "traced");
        assertThat(traced.samples().getFirst().labels().get("component")).contains("tracer");
        assertThat(traced.samples().getFirst().value()).isGreaterThanOrEqualTo(1);
    }
}
