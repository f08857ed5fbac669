package io.dishtayantra.operator.metrics;

import io.dishtayantra.operator.status.DagPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator's Prometheus metrics. Labels are bounded: phases and outcomes only, never a DAG
 * or pod name, so deleted DAGs leave no series behind. Thread-safe.
 */
public final class OperatorMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter started;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter skippedNotLeader;
    private final Counter statusWrites;
    private final Counter eventsSuppressed;
    private final Timer duration;
    private final AtomicInteger leader = new AtomicInteger();
    private final Map<String, DagPhase> phases = new ConcurrentHashMap<>();

    public OperatorMetrics() {
        started = Counter.builder("dishtayantra.operator.reconciliations.started")
                .description("Reconciliations of DAGs begun").register(registry);
        succeeded = Counter.builder("dishtayantra.operator.reconciliations.succeeded")
                .description("Reconciliations that finished without an exception").register(registry);
        failed = Counter.builder("dishtayantra.operator.reconciliations.failed")
                .description("Reconciliations that threw; JOSDK retries them").register(registry);
        skippedNotLeader = Counter.builder("dishtayantra.operator.reconciliations.skipped")
                .description("Reconciliations refused because this replica lost its Lease").register(registry);
        statusWrites = Counter.builder("dishtayantra.operator.status.writes")
                .description("Status patches sent; unchanged statuses are not written").register(registry);
        eventsSuppressed = Counter.builder("dishtayantra.operator.events.suppressed")
                .description("Kubernetes Events dropped as repeats within the quiet period").register(registry);
        duration = Timer.builder("dishtayantra.operator.reconciliation.duration")
                .description("Time of one reconciliation").register(registry);
        Gauge.builder("dishtayantra.operator.is.leader", leader, AtomicInteger::get)
                .description("1 while this replica holds the leader Lease (or election is off), else 0")
                .register(registry);
        for (DagPhase phase : DagPhase.values()) {
            Gauge.builder("dishtayantra.operator.dags", phases, map -> count(map, phase))
                    .description("DAGs by the phase this operator last wrote")
                    .tag("phase", phase.name())
                    .register(registry);
        }
    }

    public void reconcileStarted() {
        started.increment();
    }

    public void reconcileSucceeded(Duration elapsed) {
        succeeded.increment();
        duration.record(elapsed);
    }

    public void reconcileFailed(Duration elapsed) {
        failed.increment();
        duration.record(elapsed);
    }

    public void reconcileSkipped() {
        skippedNotLeader.increment();
    }

    public void statusWritten() {
        statusWrites.increment();
    }

    /** Returns the counter the event recorder increments for each dropped repeat. */
    public Counter eventsSuppressed() {
        return eventsSuppressed;
    }

    public void leader(boolean isLeader) {
        leader.set(isLeader ? 1 : 0);
    }

    /** Records a DAG's phase, keyed by namespace/name. */
    public void phase(String dagKey, DagPhase phase) {
        phases.put(dagKey, phase);
    }

    /** Removes a deleted DAG from the phase gauges. */
    public void forget(String dagKey) {
        phases.remove(dagKey);
    }

    public double startedCount() {
        return started.count();
    }

    public double succeededCount() {
        return succeeded.count();
    }

    public double statusWriteCount() {
        return statusWrites.count();
    }

    /** Renders the metrics in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    private static double count(Map<String, DagPhase> phases, DagPhase phase) {
        return phases.values().stream().filter(phase::equals).count();
    }
}
