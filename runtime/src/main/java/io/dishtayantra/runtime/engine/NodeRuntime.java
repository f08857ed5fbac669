package io.dishtayantra.runtime.engine;

import io.dishtayantra.runtime.event.CompactEventMap;
import io.dishtayantra.runtime.metrics.LatencyHistogram;
import java.util.List;
import java.util.Map;

/**
 * One node of a running DAG, indexed by its position in the topological order. Executor thread
 * only, except the counters, recent values and errors, which snapshots read.
 *
 * <p>Every node type shares this one final class, its behaviour selected by fields set at build
 * time, so the sweep's calls stay monomorphic and the JIT can inline them.
 *
 * <p>Input: each parent edge has a slot holding the latest value that crossed it. A node with a
 * single parent edge without {@code as} gets that value itself, uncopied; otherwise the slots are
 * merged in edge order into a new map: maps merged key by key, a slot with {@code as} nested
 * under that key, empty slots left out. The merged map is a CompactEventMap up to 32 attributes.
 */
final class NodeRuntime {

    final String name;
    final NodeType type;
    final int index;
    final NodeStep[] steps;
    final boolean changeDetection;
    final int[] publishers;

    // Children: node index, slot in the child's inputs, transformer applied on the edge (or null).
    final int[] children;
    final int[] childSlots;
    final NodeStep[] edgeSteps;

    // Inputs: one slot per parent edge, in edge order.
    final Map<String, Object>[] inputs;
    final String[] inputKeys;
    final boolean passThrough;

    final SubscriptionQueue queue;
    final String subscriber;

    /** A fast node's steps are timed on one run in this many. */
    static final int TIMING_INTERVAL = 16;
    /** A node whose timed run took at least this long is timed on every run until a run is faster. */
    static final long TIME_EVERY_RUN_NANOS = 20_000;

    final NodeCounters counters = new NodeCounters();
    /**
     * Time the node's steps took per input, written by the executor thread only. Every run is
     * counted, but a fast node is timed on one run in {@link #TIMING_INTERVAL} and the runs in
     * between count the last measured time: a pair of clock reads costs about as much as a
     * built-in step, and would otherwise be paid on every node of every event.
     */
    final LatencyHistogram latency = new LatencyHistogram();
    final RecentValues recentOutputs = new RecentValues(32);
    final RecentErrors recentErrors = new RecentErrors();
    final RateLimiter failureLog = new RateLimiter(10_000_000_000L);

    boolean dirty;
    Map<String, Object> event;
    /** The last output passed on; kept only with changeDetection, which compares with it. */
    Map<String, Object> output;

    // Sampled timing of the steps, see latency.
    private int runsUntilTimed;
    private boolean timeEveryRun;
    private long lastMeasuredNanos;

    @SuppressWarnings("unchecked")
    NodeRuntime(String name, NodeType type, int index, List<NodeStep> steps, boolean changeDetection, int[] publishers,
            int[] children, int[] childSlots, NodeStep[] edgeSteps, String[] inputKeys,
            SubscriptionQueue queue, String subscriber) {
        this.name = name;
        this.type = type;
        this.index = index;
        this.steps = steps.toArray(NodeStep[]::new);
        this.changeDetection = changeDetection;
        this.publishers = publishers;
        this.children = children;
        this.childSlots = childSlots;
        this.edgeSteps = edgeSteps;
        this.inputKeys = inputKeys;
        this.inputs = new Map[inputKeys.length];
        this.passThrough = inputKeys.length == 1 && inputKeys[0] == null;
        this.queue = queue;
        this.subscriber = subscriber;
    }

    /** Returns whether this run's steps are to be timed; a node without steps never needs the clock. */
    boolean timingDue() {
        if (steps.length == 0) {
            return false;
        }
        if (timeEveryRun || --runsUntilTimed <= 0) {
            runsUntilTimed = TIMING_INTERVAL;
            return true;
        }
        return false;
    }

    /** Records this run in the latency histogram: the time since {@code startedNanos} when timed, else the last one measured. */
    void recordLatency(boolean timed, long startedNanos) {
        if (timed) {
            lastMeasuredNanos = System.nanoTime() - startedNanos;
            timeEveryRun = lastMeasuredNanos >= TIME_EVERY_RUN_NANOS;
        }
        latency.record(lastMeasuredNanos);
    }

    /** Returns the node's input for this run; null when none of its parents has produced anything. */
    Map<String, Object> input() {
        if (type == NodeType.SUBSCRIPTION) {
            return event;
        }
        if (type == NodeType.METRONOME) {
            if (inputs.length == 0) {
                return event;
            }
            Map<String, Object> merged = merge();
            merged.putAll(event);
            return merged;
        }
        if (passThrough) {
            return inputs[0];
        }
        return inputs.length == 0 ? null : merge();
    }

    private Map<String, Object> merge() {
        int capacity = 0;
        for (int slot = 0; slot < inputs.length; slot++) {
            Map<String, Object> value = inputs[slot];
            if (value != null) {
                capacity += inputKeys[slot] != null ? 1 : value.size();
            }
        }
        Map<String, Object> merged = CompactEventMap.withCapacity(capacity);
        for (int slot = 0; slot < inputs.length; slot++) {
            Map<String, Object> value = inputs[slot];
            if (value == null) {
                continue;
            }
            if (inputKeys[slot] != null) {
                merged.put(inputKeys[slot], value);
            } else {
                merged.putAll(value);
            }
        }
        return merged;
    }
}
