package io.dishtayantra.runtime.http.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.window.InvalidWindowException;
import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.crd.window.WindowSummary;
import io.dishtayantra.runtime.config.ConfigRedactor;
import io.dishtayantra.runtime.engine.ConnectorHealthSnapshot;
import io.dishtayantra.runtime.engine.DagSnapshot;
import io.dishtayantra.runtime.engine.EdgeSnapshot;
import io.dishtayantra.runtime.engine.ErrorRecord;
import io.dishtayantra.runtime.engine.NodeSnapshot;
import io.dishtayantra.runtime.engine.PublisherSnapshot;
import io.dishtayantra.runtime.engine.SubscriberSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the DAG API, built from the engine's snapshots. Config values whose key
 * names a secret and passwords in URIs are redacted here, so no response carries them.
 */
public final class DagViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DagViews() {
    }

    /** One line of the DAG list. {@code queueDepth} sums the input queues of all nodes. */
    public record DagSummary(String name, String state, String message, Instant startedAt, int nodeCount, long eventsIn,
            long eventsOut, long eventsFailed, int inFlight, long queueDepth) {
    }

    /** The DAG list. */
    public record DagList(List<DagSummary> dags) {
    }

    /**
     * One DAG in full.
     *
     * @param window the embedded time window or the name of the referenced TimeWindow, or null when it always runs
     * @param windowState whether the embedded window is open now and its next transition, such as
     *     "Active until 16:30 Europe/London"; null without an embedded window
     * @param spec the manifest's spec, with secrets redacted
     */
    public record DagDetails(String name, String state, String message, Instant startedAt, long eventsIn, long eventsOut,
            long eventsFailed, int inFlight, List<String> topologicalOrder, List<EdgeSnapshot> edges, List<NodeView> nodes,
            List<ConnectorView> connectors, String window, String windowState, Map<String, Object> spec) {
    }

    /**
     * One node. {@code state} is idle (no input yet), ok, or failing (its last error is newer than its last run).
     * {@code queueDepth} and {@code queueCapacity} are -1 for nodes without an input queue.
     */
    public record NodeView(String name, String type, int position, String state, long in, long out, long failed,
            long suppressed, Instant lastRun, int queueDepth, int queueCapacity, List<ErrorRecord> lastErrors) {
    }

    /**
     * One subscriber or publisher.
     *
     * @param role subscriber or publisher
     * @param node the Subscription node a subscriber feeds, null for publishers
     * @param messages events taken (subscriber) or confirmed (publisher)
     * @param lag events waiting in the source, or null when the connector does not know
     * @param circuit for publishers: closed while publishing works, open while retrying
     */
    public record ConnectorView(String name, String role, String uri, String node, boolean connected, String reason,
            int reconnectAttempt, long messages, Long lag, String circuit, long failedAttempts, ErrorRecord lastError) {
    }

    /** A node's recent outputs, oldest first. */
    public record Outputs(String dag, String node, List<Map<String, Object>> outputs) {
    }

    static DagSummary summary(DagSnapshot snapshot) {
        long queued = snapshot.nodes().stream().mapToLong(node -> Math.max(node.queueDepth(), 0)).sum();
        return new DagSummary(snapshot.name(), snapshot.state().name(), snapshot.message(), snapshot.startedAt(),
                snapshot.nodes().size(), snapshot.eventsIn(), snapshot.eventsOut(), snapshot.eventsFailed(),
                snapshot.inFlight(), queued);
    }

    static DagDetails details(DagSnapshot snapshot, Dag dag) {
        List<NodeView> nodes = snapshot.nodes().stream().map(DagViews::node).toList();
        return new DagDetails(snapshot.name(), snapshot.state().name(), snapshot.message(), snapshot.startedAt(),
                snapshot.eventsIn(), snapshot.eventsOut(), snapshot.eventsFailed(), snapshot.inFlight(),
                snapshot.topologicalOrder(), snapshot.edges(), nodes, connectors(snapshot), window(dag),
                windowState(dag, Instant.now()), redactedSpec(dag));
    }

    static NodeView node(NodeSnapshot node) {
        return new NodeView(node.name(), node.type(), node.position(), node.state(), node.in(), node.out(), node.failed(),
                node.suppressed(), node.lastRun(), node.queueDepth(), node.queueCapacity(), node.lastErrors());
    }

    static List<ConnectorView> connectors(DagSnapshot snapshot) {
        List<ConnectorView> connectors = new ArrayList<>();
        for (SubscriberSnapshot subscriber : snapshot.subscribers()) {
            long taken = snapshot.nodes().stream().filter(node -> node.name().equals(subscriber.node()))
                    .mapToLong(NodeSnapshot::in).sum();
            ConnectorHealthSnapshot health = subscriber.health();
            connectors.add(new ConnectorView(subscriber.name(), "subscriber", ConfigRedactor.redactUri(subscriber.uri()),
                    subscriber.node(), health.connected(), health.reason(), health.reconnectAttempt(), taken,
                    health.lag() < 0 ? null : health.lag(), null, 0, null));
        }
        for (PublisherSnapshot publisher : snapshot.publishers()) {
            ConnectorHealthSnapshot health = publisher.health();
            connectors.add(new ConnectorView(publisher.name(), "publisher", ConfigRedactor.redactUri(publisher.uri()), null,
                    health.connected(), health.reason(), health.reconnectAttempt(), publisher.published(),
                    health.lag() < 0 ? null : health.lag(), publisher.circuit(), publisher.failedAttempts(), publisher.lastError()));
        }
        return connectors;
    }

    /**
     * Describes the embedded window's state at {@code now} on this runtime's clock, such as
     * "Active until 16:30 Europe/London"; null when the DAG embeds no valid window. A referenced
     * TimeWindow is described by its resource's status in a cluster.
     */
    static String windowState(Dag dag, Instant now) {
        if (dag.getSpec() == null || dag.getSpec().getTimeWindow() == null) {
            return null;
        }
        try {
            WindowSchedule schedule = WindowSchedule.of(dag.getSpec().getTimeWindow());
            return WindowSummary.describe(schedule, schedule.positionAt(now));
        } catch (InvalidWindowException invalid) {
            return null;
        }
    }

    /** Formats the window as one line, such as "09:00-17:00 Europe/London on Mon, Tue", or the TimeWindow's name. */
    static String window(Dag dag) {
        if (dag.getSpec() == null) {
            return null;
        }
        if (dag.getSpec().getTimeWindowRef() != null) {
            return "TimeWindow " + dag.getSpec().getTimeWindowRef();
        }
        TimeWindowSpec window = dag.getSpec().getTimeWindow();
        if (window == null) {
            return null;
        }
        String end = window.getEnd() != null ? window.getEnd() : (window.getDuration() != null ? "+" + window.getDuration() : "?");
        String days = window.getDays().isEmpty() ? "every day" : "on " + String.join(", ", window.getDays());
        return window.getStart() + "-" + end + " " + window.getTimeZone() + " " + days;
    }

    /** Converts the spec to a map, with every secret config value and URI password hidden. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> redactedSpec(Dag dag) {
        if (dag.getSpec() == null) {
            return null;
        }
        Map<String, Object> spec = JSON.convertValue(dag.getSpec(), Map.class);
        return (Map<String, Object>) redactUris(ConfigRedactor.redact(spec));
    }

    @SuppressWarnings("unchecked")
    private static Object redactUris(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object inner = entry.getValue();
                copy.put((String) entry.getKey(), "uri".equals(entry.getKey()) && inner instanceof String uri
                        ? ConfigRedactor.redactUri(uri) : redactUris(inner));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DagViews::redactUris).toList();
        }
        return value;
    }
}
