package io.dishtayantra.runtime.metrics;

import io.dishtayantra.runtime.engine.ConnectorHealthSnapshot;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagSnapshot;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.NodeSnapshot;
import io.dishtayantra.runtime.engine.PublisherSnapshot;
import io.dishtayantra.runtime.engine.SubscriberSnapshot;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's own counters into Prometheus samples at scrape time, so the event path pays
 * nothing for metrics beyond the engine's counter increments and processing-time histograms.
 * Labels are limited to {@code dag}, {@code node}, {@code connector}, {@code role}, {@code state}
 * and {@code component}, whose values come from manifests, never from events. A removed DAG's
 * series disappear with it on the next scrape.
 *
 * <p>Counters and gauges that plugins register through {@code PluginContext.metrics()} become
 * {@code dishtayantra_component_NAME} with labels {@code dag} and {@code component}.
 */
public final class DagMetricsCollector implements MultiCollector {

    /** Name of the processing-time histogram. */
    public static final String LATENCY = "dishtayantra_node_processing_seconds";

    private final Engine engine;

    public DagMetricsCollector(Engine engine) {
        this.engine = engine;
    }

    /** Builders of one scrape, one per metric family. */
    private static final class Families {
        final Family dagState = gauge("dishtayantra_dag_state", "1 for the DAG's current lifecycle state, 0 for the others.");
        final Family dagEventsIn = counter("dishtayantra_dag_events_in", "Events taken from the DAG's subscription queues.");
        final Family dagEventsOut = counter("dishtayantra_dag_events_out", "Events confirmed by the DAG's publishers, dead letters excluded.");
        final Family dagEventsFailed = counter("dishtayantra_dag_events_failed", "Failures counted on the DAG's nodes.");
        final Family dagInFlight = gauge("dishtayantra_dag_events_in_flight", "Events waiting for an asynchronous publisher confirmation.");
        final Family nodeIn = counter("dishtayantra_node_events_in", "Inputs the node ran on.");
        final Family nodeOut = counter("dishtayantra_node_events_out", "Outputs the node passed on.");
        final Family nodeFailed = counter("dishtayantra_node_events_failed", "Inputs that failed at the node.");
        final Family nodeSuppressed = counter("dishtayantra_node_events_suppressed", "Outputs dropped because they equalled the previous one.");
        final Family nodeQueueDepth = gauge("dishtayantra_node_queue_depth", "Events waiting in the node's input queue.");
        final Family nodeQueueCapacity = gauge("dishtayantra_node_queue_capacity", "Capacity of the node's input queue.");
        final Family connectorConnected = gauge("dishtayantra_connector_connected", "1 while the subscriber or publisher is connected.");
        final Family connectorReconnect = gauge("dishtayantra_connector_reconnect_attempt", "Current reconnection attempt, 0 when connected.");
        final Family connectorMessages = counter("dishtayantra_connector_messages", "Events taken by a subscriber or confirmed by a publisher.");
        final Family connectorLag = gauge("dishtayantra_connector_lag", "Events waiting in the source, where the connector knows it.");
        final Family publisherFailedAttempts = counter("dishtayantra_publisher_failed_attempts", "Publish attempts that failed, retries included.");
        final Family publisherAbandoned = counter("dishtayantra_publisher_abandoned", "Events given up on because the DAG stopped while retrying.");

        List<Family> all() {
            return List.of(dagState, dagEventsIn, dagEventsOut, dagEventsFailed, dagInFlight, nodeIn, nodeOut, nodeFailed,
                    nodeSuppressed, nodeQueueDepth, nodeQueueCapacity, connectorConnected, connectorReconnect,
                    connectorMessages, connectorLag, publisherFailedAttempts, publisherAbandoned);
        }
    }

    /** The samples of one family, gathered before building its snapshot. */
    private record Family(String name, String help, boolean counter, List<Labels> labels, List<Double> values) {

        void add(double value, String... labelPairs) {
            labels.add(Labels.of(labelPairs));
            values.add(value);
        }

        MetricSnapshot build() {
            if (counter) {
                CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
                for (int i = 0; i < values.size(); i++) {
                    builder.dataPoint(CounterDataPointSnapshot.builder().labels(labels.get(i)).value(values.get(i)).build());
                }
                return builder.build();
            }
            GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
            for (int i = 0; i < values.size(); i++) {
                builder.dataPoint(GaugeDataPointSnapshot.builder().labels(labels.get(i)).value(values.get(i)).build());
            }
            return builder.build();
        }
    }

    private static Family counter(String name, String help) {
        return new Family(name, help, true, new ArrayList<>(), new ArrayList<>());
    }

    private static Family gauge(String name, String help) {
        return new Family(name, help, false, new ArrayList<>(), new ArrayList<>());
    }

    @Override
    public MetricSnapshots collect() {
        Families families = new Families();
        HistogramSnapshot.Builder latency = HistogramSnapshot.builder().name(LATENCY)
                .help("Time a node's calculator and transformers took per input, in seconds.");
        boolean anyLatency = false;
        ComponentFamilies components = new ComponentFamilies();
        for (DagInstance dag : engine.list()) {
            addDag(families, dag.snapshot());
            for (Map.Entry<String, LatencyHistogram> node : dag.latencies().entrySet()) {
                latency.dataPoint(histogramPoint(node.getValue(), Labels.of("dag", dag.name(), "node", node.getKey())));
                anyLatency = true;
            }
            dag.componentMetrics().forEach((component, metrics) -> components.add(dag.name(), component, metrics));
        }
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (Family family : families.all()) {
            if (!family.values().isEmpty()) {
                snapshots.add(family.build());
            }
        }
        if (anyLatency) {
            snapshots.add(latency.build());
        }
        snapshots.addAll(components.build());
        return new MetricSnapshots(snapshots);
    }

    private static HistogramDataPointSnapshot histogramPoint(LatencyHistogram histogram, Labels labels) {
        long[] counts = histogram.bucketCounts();
        return HistogramDataPointSnapshot.builder()
                .labels(labels)
                .classicHistogramBuckets(ClassicHistogramBuckets.of(LatencyHistogram.UPPER_BOUNDS_SECONDS, counts))
                .sum(histogram.sumSeconds())
                .build();
    }

    private static void addDag(Families families, DagSnapshot snapshot) {
        String dag = snapshot.name();
        for (DagState state : DagState.values()) {
            families.dagState.add(state == snapshot.state() ? 1 : 0, "dag", dag, "state", state.name());
        }
        families.dagEventsIn.add(snapshot.eventsIn(), "dag", dag);
        families.dagEventsOut.add(snapshot.eventsOut(), "dag", dag);
        families.dagEventsFailed.add(snapshot.eventsFailed(), "dag", dag);
        families.dagInFlight.add(snapshot.inFlight(), "dag", dag);

        for (NodeSnapshot node : snapshot.nodes()) {
            families.nodeIn.add(node.in(), "dag", dag, "node", node.name());
            families.nodeOut.add(node.out(), "dag", dag, "node", node.name());
            families.nodeFailed.add(node.failed(), "dag", dag, "node", node.name());
            families.nodeSuppressed.add(node.suppressed(), "dag", dag, "node", node.name());
            if (node.queueDepth() >= 0) {
                families.nodeQueueDepth.add(node.queueDepth(), "dag", dag, "node", node.name());
                families.nodeQueueCapacity.add(node.queueCapacity(), "dag", dag, "node", node.name());
            }
        }

        for (SubscriberSnapshot subscriber : snapshot.subscribers()) {
            long taken = snapshot.nodes().stream().filter(node -> node.name().equals(subscriber.node()))
                    .mapToLong(NodeSnapshot::in).sum();
            addConnector(families, dag, subscriber.name(), "subscriber", subscriber.health(), taken);
        }
        for (PublisherSnapshot publisher : snapshot.publishers()) {
            addConnector(families, dag, publisher.name(), "publisher", publisher.health(), publisher.published());
            families.publisherFailedAttempts.add(publisher.failedAttempts(), "dag", dag, "connector", publisher.name());
            families.publisherAbandoned.add(publisher.abandoned(), "dag", dag, "connector", publisher.name());
        }
    }

    private static void addConnector(Families families, String dag, String name, String role,
            ConnectorHealthSnapshot health, long messages) {
        String[] labels = {"dag", dag, "connector", name, "role", role};
        families.connectorConnected.add(health.connected() ? 1 : 0, labels);
        families.connectorReconnect.add(health.reconnectAttempt(), labels);
        families.connectorMessages.add(messages, labels);
        if (health.lag() >= 0) {
            families.connectorLag.add(health.lag(), labels);
        }
    }
}
