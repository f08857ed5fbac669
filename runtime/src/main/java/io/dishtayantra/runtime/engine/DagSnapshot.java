package io.dishtayantra.runtime.engine;

import java.time.Instant;
import java.util.List;

/**
 * A DAG's state and counters at one moment, for the CLI, the HTTP API and status reports.
 * Immutable; counters of different nodes are read one after another, not atomically together.
 *
 * @param message why the DAG failed, or null
 * @param startedAt when it was started, or null
 * @param eventsIn events and ticks taken from the input queues of Subscription and Metronome nodes
 * @param eventsOut events confirmed by publishers other than the dead-letter publisher
 * @param eventsFailed failures counted on nodes
 * @param inFlight events waiting for an asynchronous publisher completion
 * @param topologicalOrder node names in execution order
 */
public record DagSnapshot(String name, DagState state, String message, Instant startedAt, long eventsIn,
        long eventsOut, long eventsFailed, int inFlight, List<String> topologicalOrder, List<EdgeSnapshot> edges,
        List<NodeSnapshot> nodes, List<SubscriberSnapshot> subscribers, List<PublisherSnapshot> publishers) {
}
