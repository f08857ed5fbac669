package io.dishtayantra.runtime.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A node's counters and recent activity at one moment.
 *
 * @param type the manifest's node type, such as {@code Calculation}
 * @param position the node's position in the topological order, from 0
 * @param state {@code idle} before its first input, {@code failing} when its last recorded error
 *     is at least as recent as its last run, otherwise {@code ok}
 * @param lastRun when the node last ran (to the batch of events it belonged to), or null
 * @param queueDepth events waiting in its input queue, or -1 for nodes without one
 * @param queueCapacity the input queue's capacity, or -1
 * @param lastErrors up to 10 most recent errors, oldest first
 * @param recentOutputs up to 32 most recent outputs, oldest first
 */
public record NodeSnapshot(String name, String type, int position, String state, long in, long out, long failed,
        long suppressed, Instant lastRun, int queueDepth, int queueCapacity, List<ErrorRecord> lastErrors,
        List<Map<String, Object>> recentOutputs) {
}
