package io.dishtayantra.runtime.engine;

import io.dishtayantra.crd.graph.DagGraph;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.runtime.metrics.LatencyHistogram;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One deployed DAG and its lifecycle: CREATED → RUNNING ⇄ SUSPENDED → STOPPED, or FAILED with a
 * message. Lifecycle methods are synchronized and may be called from any thread. {@link #state}
 * and {@link #snapshot} do not wait for them.
 *
 * <ul>
 *   <li>{@link #suspend}: subscribers pause and the executor takes no more events; queued events
 *       stay queued and data waits in the sources.
 *   <li>{@link #resume}: intake continues where it stopped; nothing is lost.
 *   <li>{@link #stop}: subscribers close, the executor processes the events already queued,
 *       publishers are flushed and closed, then calculators and transformers. A publisher that
 *       still fails after the stop timeout is given up on, and its events stay unacknowledged.
 * </ul>
 */
public final class DagInstance {

    private static final Logger LOG = LoggerFactory.getLogger(DagInstance.class);

    private final Dag dag;
    private final String name;
    private final Path baseDirectory;
    private final EngineServices services;
    private final List<String> topologicalOrder;
    private final List<EdgeSnapshot> edges;
    private final List<DagStateListener> listeners = new CopyOnWriteArrayList<>();

    private volatile DagState state = DagState.CREATED;
    private volatile String message;
    private volatile Instant startedAt;
    private volatile boolean intakePaused;
    private volatile DagRuntime runtime;
    private final Object stateLock = new Object();
    private boolean released;

    /**
     * @param dag a DAG whose structure passed {@link DagStructure#check}
     * @param baseDirectory folder that relative paths in its config resolve against
     */
    DagInstance(Dag dag, Path baseDirectory, EngineServices services) {
        this.dag = dag;
        this.name = dag.getMetadata().getName();
        this.baseDirectory = baseDirectory;
        this.services = services;
        this.topologicalOrder = DagGraph.of(dag.getSpec()).topologicalOrder();
        List<EdgeSnapshot> edgeList = new ArrayList<>();
        for (EdgeSpec edge : dag.getSpec().getEdges()) {
            edgeList.add(new EdgeSnapshot(edge.getFrom(), edge.getTo(), edge.getAs(), edge.getTransformer()));
        }
        this.edges = List.copyOf(edgeList);
    }

    public String name() {
        return name;
    }

    /** The manifest this instance runs. Callers must not modify it. */
    public Dag dag() {
        return dag;
    }

    public DagState state() {
        return state;
    }

    /** Why the DAG failed, or null. */
    public String message() {
        return message;
    }

    public void addListener(DagStateListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DagStateListener listener) {
        listeners.remove(listener);
    }

    /**
     * Starts every component and the executor; the DAG is then RUNNING, or SUSPENDED when its spec
     * says {@code suspend: true}.
     *
     * @throws IllegalStateException when the DAG is not CREATED
     * @throws DagStartException when a component fails to start; the DAG is then FAILED, with
     *     everything started so far closed
     */
    public synchronized void start() {
        requireState("start", DagState.CREATED);
        withDagInMdc(() -> {
            try {
                runtime = new DagAssembler(name, dag.getSpec(), baseDirectory, services, () -> intakePaused,
                        this::executorCrashed).assemble();
            } catch (DagStartException failure) {
                LOG.error("DAG {} failed to start: {}", name, failure.getMessage());
                transition(DagState.FAILED, failure.getMessage());
                throw failure;
            }
            startedAt = Instant.now();
            LOG.info("DAG {} started: {} nodes, {} subscribers, {} publishers", name, runtime.nodes().length,
                    runtime.subscribers().size(), runtime.publishers().length);
            transition(DagState.RUNNING, null);
            if (dag.getSpec().suspended()) {
                suspend();
            }
        });
    }

    /**
     * Stops intake: subscribers pause and queued events wait. Does nothing when already suspended.
     *
     * @throws IllegalStateException unless RUNNING or SUSPENDED
     */
    public synchronized void suspend() {
        if (state == DagState.SUSPENDED) {
            return;
        }
        requireState("suspend", DagState.RUNNING);
        withDagInMdc(() -> {
            intakePaused = true;
            runtime.loop().pauseIntake();
            for (SubscriberRuntime subscriber : runtime.subscribers()) {
                try {
                    subscriber.subscriber().pause();
                } catch (RuntimeException error) {
                    LOG.warn("DAG {}: pausing subscriber {} failed: {}", name, subscriber.name(), error.toString());
                }
            }
            LOG.info("DAG {} suspended", name);
            transition(DagState.SUSPENDED, null);
        });
    }

    /**
     * Continues intake after {@link #suspend}. Does nothing when already running.
     *
     * @throws IllegalStateException unless RUNNING or SUSPENDED
     */
    public synchronized void resume() {
        if (state == DagState.RUNNING) {
            return;
        }
        requireState("resume", DagState.SUSPENDED);
        withDagInMdc(() -> {
            for (SubscriberRuntime subscriber : runtime.subscribers()) {
                try {
                    subscriber.subscriber().resume();
                } catch (RuntimeException error) {
                    LOG.warn("DAG {}: resuming subscriber {} failed: {}", name, subscriber.name(), error.toString());
                }
            }
            intakePaused = false;
            runtime.loop().resumeIntake();
            LOG.info("DAG {} resumed", name);
            transition(DagState.RUNNING, null);
        });
    }

    /**
     * Stops the DAG, waiting until it has processed its queued events and closed every component,
     * or until the stop timeout plus a few seconds pass. Does nothing when already STOPPED or
     * FAILED; a CREATED DAG just becomes STOPPED.
     */
    public synchronized void stop() {
        if (state == DagState.STOPPED) {
            return;
        }
        if (state == DagState.CREATED) {
            transition(DagState.STOPPED, null);
            return;
        }
        if (state == DagState.FAILED) {
            releaseAfterFailure();
            return;
        }
        withDagInMdc(() -> {
            transition(DagState.STOPPING, null);
            shutDown(runtime);
            DagSnapshot last = snapshot();
            LOG.info("DAG {} stopped: {} events in, {} out, {} failed", name, last.eventsIn(), last.eventsOut(),
                    last.eventsFailed());
            synchronized (stateLock) {
                if (state == DagState.STOPPING) {
                    transition(DagState.STOPPED, null);
                }
            }
        });
    }

    /** Closes the components a DAG whose executor crashed still has open. */
    private synchronized void releaseAfterFailure() {
        if (runtime != null && !released) {
            withDagInMdc(() -> shutDown(runtime));
        }
    }

    private void shutDown(DagRuntime parts) {
        released = true;
        long timeoutNanos = services.stopTimeout().toNanos();
        ExecutionLoop loop = parts.loop();
        loop.beginStop(timeoutNanos);

        // Subscribers blocked on a full queue of a DAG stuck on a dead publisher are released
        // once the timeout has passed, so closing them cannot hang.
        Thread watchdog = Thread.ofVirtual().name("dag-" + name + "-stop-watchdog").start(() -> {
            try {
                TimeUnit.NANOSECONDS.sleep(timeoutNanos);
                for (NodeRuntime node : parts.nodes()) {
                    if (node.queue != null) {
                        node.queue.close();
                    }
                }
            } catch (InterruptedException finishedInTime) {
                // The stop completed before the timeout.
            }
        });

        // Intake stops first and the queued events are processed while subscribers are still
        // open, so their acknowledgements (file positions, broker offsets) reach open sources.
        if (parts.ticker() != null) {
            parts.ticker().shutdownNow();
        }
        for (SubscriberRuntime subscriber : parts.subscribers()) {
            try {
                subscriber.subscriber().pause();
            } catch (RuntimeException error) {
                LOG.warn("DAG {}: pausing subscriber {} failed: {}", name, subscriber.name(), error.toString());
            }
        }
        awaitDrained(parts, System.nanoTime() + timeoutNanos);
        for (SubscriberRuntime subscriber : parts.subscribers()) {
            closeQuietly("subscriber " + subscriber.name(), subscriber.subscriber());
        }
        loop.sourcesClosed();
        joinExecutor(loop, timeoutNanos);
        watchdog.interrupt();

        for (PublisherRuntime publisher : parts.publishers()) {
            closeQuietly("publisher " + publisher.name(), publisher.publisher);
        }
        List<DagAssembler.Started> steps = new ArrayList<>(parts.steps());
        java.util.Collections.reverse(steps);
        for (DagAssembler.Started step : steps) {
            closeQuietly(step.description(), step.component());
        }
    }

    /** Waits until every input queue is empty and no event awaits a publisher, or until the deadline. */
    private static void awaitDrained(DagRuntime parts, long deadlineNanos) {
        while (System.nanoTime() - deadlineNanos < 0 && parts.loop().thread().isAlive()) {
            boolean empty = parts.loop().inFlight() == 0;
            for (NodeRuntime node : parts.nodes()) {
                empty &= node.queue == null || node.queue.size() == 0;
            }
            if (empty) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private void joinExecutor(ExecutionLoop loop, long timeoutNanos) {
        try {
            Thread thread = loop.thread();
            thread.join(TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + 2_000);
            if (thread.isAlive()) {
                LOG.warn("DAG {}: the executor is still busy after the stop timeout; interrupting it", name);
                thread.interrupt();
                thread.join(5_000);
            }
            if (thread.isAlive()) {
                LOG.error("DAG {}: the executor did not end (a calculator or publisher ignores interrupts); "
                        + "closing the components anyway", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The counters and gauges components registered through {@link io.dishtayantra.api.PluginContext#metrics()},
     * keyed {@code role/name} such as {@code publisher/out}; empty before the DAG started.
     */
    public java.util.Map<String, ComponentMetrics> componentMetrics() {
        DagRuntime parts = runtime;
        return parts == null ? java.util.Map.of() : parts.metrics();
    }

    /**
     * The processing time histogram of each node, by node name, in topological order; empty
     * before the DAG started. The histograms are live: the executor keeps writing them.
     */
    public java.util.Map<String, LatencyHistogram> latencies() {
        DagRuntime parts = runtime;
        if (parts == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, LatencyHistogram> latencies = new java.util.LinkedHashMap<>();
        for (NodeRuntime node : parts.nodes()) {
            latencies.put(node.name, node.latency);
        }
        return latencies;
    }

    /** The DAG's state, counters and recent activity; safe from any thread. */
    public DagSnapshot snapshot() {
        DagRuntime parts = runtime;
        if (parts == null) {
            return new DagSnapshot(name, state, message, startedAt, 0, 0, 0, 0, topologicalOrder, edges,
                    idleNodes(), List.of(), List.of());
        }
        List<NodeSnapshot> nodes = new ArrayList<>(parts.nodes().length);
        long in = 0;
        long failed = 0;
        for (NodeRuntime node : parts.nodes()) {
            NodeSnapshot snapshot = snapshotOf(node);
            nodes.add(snapshot);
            if (node.queue != null) {
                in += snapshot.in();
            }
            failed += snapshot.failed();
        }
        List<PublisherSnapshot> publishers = new ArrayList<>();
        long out = 0;
        for (int i = 0; i < parts.publishers().length; i++) {
            PublisherSnapshot snapshot = parts.publishers()[i].snapshot();
            publishers.add(snapshot);
            if (i != parts.deadLetter()) {
                out += snapshot.published();
            }
        }
        List<SubscriberSnapshot> subscribers = parts.subscribers().stream().map(SubscriberRuntime::snapshot).toList();
        return new DagSnapshot(name, state, message, startedAt, in, out, failed, parts.loop().inFlight(),
                topologicalOrder, edges, List.copyOf(nodes), subscribers, List.copyOf(publishers));
    }

    private static NodeSnapshot snapshotOf(NodeRuntime node) {
        NodeCounters counters = node.counters;
        long in = counters.in();
        long lastRunMillis = counters.lastRunMillis();
        List<ErrorRecord> errors = node.recentErrors.snapshot();
        String nodeState;
        if (in == 0 && errors.isEmpty()) {
            nodeState = "idle";
        } else if (!errors.isEmpty() && errors.getLast().time().toEpochMilli() >= lastRunMillis) {
            nodeState = "failing";
        } else {
            nodeState = "ok";
        }
        return new NodeSnapshot(node.name, node.type.manifestName(), node.index, nodeState, in, counters.out(),
                counters.failed(), counters.suppressed(), lastRunMillis == 0 ? null : Instant.ofEpochMilli(lastRunMillis),
                node.queue == null ? -1 : node.queue.size(), node.queue == null ? -1 : node.queue.capacity(), errors,
                node.recentOutputs.snapshot());
    }

    private List<NodeSnapshot> idleNodes() {
        List<NodeSnapshot> nodes = new ArrayList<>();
        for (int i = 0; i < topologicalOrder.size(); i++) {
            String nodeName = topologicalOrder.get(i);
            String type = dag.getSpec().getNodes().stream().filter(node -> nodeName.equals(node.getName()))
                    .map(NodeSpec::getType).findFirst().orElse(null);
            nodes.add(new NodeSnapshot(nodeName, type, i, "idle", 0, 0, 0, 0, null, -1, -1, List.of(), List.of()));
        }
        return nodes;
    }

    private void executorCrashed(Throwable error) {
        String reason = "The executor stopped on an unexpected error: " + error;
        synchronized (stateLock) {
            if (state == DagState.STOPPING) {
                message = reason;
            }
            transition(DagState.FAILED, reason);
        }
        Thread.ofVirtual().name("dag-" + name + "-release").start(this::releaseAfterFailure);
    }

    private void requireState(String action, DagState expected) {
        if (state != expected) {
            throw new IllegalStateException("Cannot " + action + " DAG " + name + ": it is " + state
                    + ", and only a " + expected + " DAG can be " + (action.endsWith("e") ? action + "d" : action + "ed"));
        }
    }

    /** Changes state under the state lock, which lifecycle methods never hold while waiting. */
    private void transition(DagState next, String reason) {
        DagState previous;
        synchronized (stateLock) {
            previous = state;
            if (previous == next || previous.isFinal()) {
                return;
            }
            state = next;
            if (reason != null) {
                message = reason;
            }
        }
        for (DagStateListener listener : listeners) {
            try {
                listener.stateChanged(this, previous, next, reason);
            } catch (RuntimeException error) {
                LOG.warn("DAG {}: a state listener failed: {}", name, error.toString());
            }
        }
    }

    private void withDagInMdc(Runnable action) {
        String previous = MDC.get("dag");
        MDC.put("dag", name);
        try {
            action.run();
        } finally {
            if (previous == null) {
                MDC.remove("dag");
            } else {
                MDC.put("dag", previous);
            }
        }
    }

    private void closeQuietly(String description, AutoCloseable component) {
        try {
            component.close();
        } catch (Exception | LinkageError error) {
            LOG.warn("DAG {}: closing {} failed: {}", name, description, error.toString());
        }
    }
}
