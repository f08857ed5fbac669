package io.dishtayantra.runtime.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The running parts of one started DAG, built by {@link DagAssembler}.
 *
 * @param nodes in topological order
 * @param deadLetter index of the dead-letter publisher in {@code publishers}, or -1
 * @param steps the started calculators and transformers, in start order
 * @param ticker schedules the ticks of Metronome nodes, or null when there are none
 * @param metrics what each component registered, keyed {@code role/name} such as {@code calculator/enrich}
 */
record DagRuntime(ExecutionLoop loop, NodeRuntime[] nodes, PublisherRuntime[] publishers, int deadLetter,
        List<SubscriberRuntime> subscribers, List<DagAssembler.Started> steps, ScheduledExecutorService ticker,
        Map<String, ComponentMetrics> metrics) {
}
