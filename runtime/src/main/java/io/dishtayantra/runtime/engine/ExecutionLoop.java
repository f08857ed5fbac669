package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.connector.Acknowledgement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The single executor thread of one DAG: takes events from the input queues of Subscription and
 * Metronome nodes, runs the dirty nodes in topological order, publishes, and acknowledges each
 * source event once every publish it caused has completed.
 *
 * <p>How one event flows: the loop drains up to {@value #BATCH} events from one input queue
 * (queues are visited round-robin), marks that node dirty with the event, and sweeps the
 * topological order from that node's position to the last position made dirty, computing only
 * dirty nodes. A node's output is published to its publishers and stored in each child's input
 * slot, which makes the child dirty. When the sweep ends and every publish completed, the event is
 * acknowledged.
 *
 * <p>Cost per event on the hot path: array walks by topological position, one lock round trip on
 * the input queue per batch, plain-cost counter stores, and no allocation by the engine unless a
 * node merges several parents (one map) or a publisher completes asynchronously (one ticket and
 * one call object). Completions from other threads, rejected payloads and retries of async
 * failures all arrive through {@link #inbox} and are handled on this thread, so node and
 * publisher state needs no locks.
 *
 * <p>A failed publish is retried on this thread with exponential backoff (100 ms doubling to
 * 30 s, with ±20% jitter) while intake waits: input queues fill and subscribers block, so nothing
 * piles up in memory and nothing is dropped. Once a stop has waited its timeout, retries are
 * abandoned and the affected events stay unacknowledged, so at-least-once sources redeliver them.
 */
final class ExecutionLoop implements SubscriptionQueue.Consumer, Runnable {

    static final int BATCH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionLoop.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int IDLE_SPINS = 256;
    private static final long RETRY_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Told when the executor ends on an unexpected error. */
    interface CrashListener {
        void executorCrashed(Throwable error);
    }

    private record Rejection(SubscriptionQueue queue, byte[] payload, String reason) {
    }

    private final String dagName;
    private final NodeRuntime[] nodes;
    private final NodeRuntime[] sources;
    private final PublisherRuntime[] publishers;
    private final PublisherRuntime deadLetter;
    private final CrashListener crashListener;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final RateLimiter acknowledgementLog = new RateLimiter(10_000_000_000L);

    @SuppressWarnings("unchecked")
    private final Map<String, Object>[] batchEvents = new Map[BATCH];
    private final Acknowledgement[] batchAcknowledgements = new Acknowledgement[BATCH];

    private volatile boolean sleeping;
    private volatile boolean intakePaused;
    private volatile boolean draining;
    private volatile boolean sourcesClosed;
    private volatile boolean stopRequested;
    private volatile long abandonAtNanos;
    private volatile int inFlightVisible;

    // Executor thread only.
    private EventTicket ticket = new EventTicket();
    private int inFlightTickets;
    private int lastDirty;
    private int cursor;
    private long batchMillis;
    private boolean abandoning;

    ExecutionLoop(String dagName, NodeRuntime[] nodes, PublisherRuntime[] publishers, PublisherRuntime deadLetter,
            CrashListener crashListener) {
        this.dagName = dagName;
        this.nodes = nodes;
        this.publishers = publishers;
        this.deadLetter = deadLetter;
        this.crashListener = crashListener;
        this.sources = java.util.Arrays.stream(nodes).filter(node -> node.queue != null).toArray(NodeRuntime[]::new);
        for (NodeRuntime source : sources) {
            source.queue.consumer(this);
        }
        this.thread = Thread.ofPlatform().name("dag-" + dagName).daemon(true).unstarted(this);
    }

    Thread thread() {
        return thread;
    }

    void start() {
        thread.start();
    }

    // ---- Control, from any thread ----

    void pauseIntake() {
        intakePaused = true;
    }

    void resumeIntake() {
        intakePaused = false;
        LockSupport.unpark(thread);
    }

    /**
     * Starts stopping: from now on queued events are taken even while suspended, and once
     * {@code timeoutNanos} has passed, failed publishes are abandoned instead of retried.
     */
    void beginStop(long timeoutNanos) {
        abandonAtNanos = System.nanoTime() + timeoutNanos;
        stopRequested = true;
        draining = true;
        LockSupport.unpark(thread);
    }

    /** No more events will arrive: end once the queued ones are processed. */
    void sourcesClosed() {
        sourcesClosed = true;
        LockSupport.unpark(thread);
    }

    /** Events still waiting for an asynchronous publisher completion. */
    int inFlight() {
        return inFlightVisible;
    }

    @Override
    public void wake() {
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void rejected(SubscriptionQueue queue, byte[] payload, String reason) {
        inbox.add(new Rejection(queue, payload, reason));
        wake();
    }

    /**
     * Queues an asynchronous completion. The executor is unparked only when it announced sleep:
     * it sets {@link #sleeping} and then checks the inbox, while this adds to the inbox and then
     * reads {@link #sleeping}, so one of the two sides always sees the other. An unpark per
     * completion was a system call per event for publishers that complete on their own thread.
     */
    void completeLater(PublishCall call) {
        inbox.add(call);
        wake();
    }

    // ---- The executor thread ----

    @Override
    public void run() {
        MDC.put("dag", dagName);
        try {
            loop();
            finish();
        } catch (Throwable error) {
            LOG.error("The executor of DAG {} stopped on an unexpected error", dagName, error);
            crashListener.executorCrashed(error);
        } finally {
            MDC.remove("dag");
        }
    }

    private void loop() {
        while (true) {
            if (!inbox.isEmpty()) {
                processInbox();
            }
            if ((!intakePaused || draining) && takeBatches()) {
                continue;
            }
            if (sourcesClosed && queuesEmpty()) {
                return;
            }
            idle();
        }
    }

    /** Takes one batch from each input queue in turn; returns whether any event was processed. */
    private boolean takeBatches() {
        boolean took = false;
        for (int visited = 0; visited < sources.length; visited++) {
            NodeRuntime source = sources[cursor];
            cursor = cursor + 1 == sources.length ? 0 : cursor + 1;
            int count = source.queue.drainTo(batchEvents, batchAcknowledgements, BATCH);
            if (count == 0) {
                continue;
            }
            took = true;
            batchMillis = System.currentTimeMillis();
            for (int i = 0; i < count; i++) {
                Map<String, Object> event = batchEvents[i];
                Acknowledgement acknowledgement = batchAcknowledgements[i];
                batchEvents[i] = null;
                batchAcknowledgements[i] = null;
                processEvent(source, event, acknowledgement);
                if (!inbox.isEmpty()) {
                    processInbox();
                }
            }
        }
        return took;
    }

    private boolean queuesEmpty() {
        for (NodeRuntime source : sources) {
            if (source.queue.size() > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parks until a producer, a completion or a control call wakes the thread, or 50 ms pass.
     * A short spin first catches the next event of a steady stream without the cost of a park
     * and an unpark, which is a system call pair of a few microseconds.
     */
    private void idle() {
        for (int spin = 0; spin < IDLE_SPINS; spin++) {
            if (hasWork()) {
                return;
            }
            Thread.onSpinWait();
        }
        sleeping = true;
        if (!hasWork()) {
            LockSupport.parkNanos(this, IDLE_PARK_NANOS);
        }
        sleeping = false;
    }

    private boolean hasWork() {
        if (!inbox.isEmpty() || sourcesClosed) {
            return true;
        }
        return (!intakePaused || draining) && !queuesEmpty();
    }

    private void processEvent(NodeRuntime source, Map<String, Object> event, Acknowledgement acknowledgement) {
        EventTicket current = ticket;
        current.begin(acknowledgement);
        source.event = event;
        source.dirty = true;
        sweep(source.index);
        source.event = null;
        finishTicket(current);
    }

    /** Runs every dirty node from position {@code from} on, in topological order. */
    private void sweep(int from) {
        lastDirty = from;
        for (int i = from; i <= lastDirty; i++) {
            NodeRuntime node = nodes[i];
            if (!node.dirty) {
                continue;
            }
            node.dirty = false;
            Map<String, Object> output = compute(node);
            if (output == null) {
                continue;
            }
            int[] targets = node.publishers;
            for (int p = 0; p < targets.length; p++) {
                publish(publishers[targets[p]], output);
            }
            propagate(node, output);
        }
    }

    /** Runs the node's steps; returns the output to pass on, or null for none. */
    private Map<String, Object> compute(NodeRuntime node) {
        Map<String, Object> input = node.input();
        if (input == null) {
            return null;
        }
        NodeCounters counters = node.counters;
        counters.countIn();
        counters.ranAt(batchMillis);
        Map<String, Object> value = input;
        NodeStep[] steps = node.steps;
        int step = 0;
        boolean timed = node.timingDue();
        long started = timed ? System.nanoTime() : 0;
        try {
            for (; step < steps.length && value != null; step++) {
                value = steps[step].apply(value);
            }
        } catch (Exception | LinkageError | StackOverflowError error) {
            node.recordLatency(timed, started);
            nodeFailed(node, input, steps[step].description(), error);
            return null;
        }
        node.recordLatency(timed, started);
        if (value == null) {
            return null;
        }
        if (node.changeDetection) {
            if (value.equals(node.output)) {
                counters.countSuppressed();
                return null;
            }
            node.output = value;
        }
        counters.countOut();
        node.recentOutputs.add(value);
        return value;
    }

    /** Stores the output in each child's input slot, through the edge's transformer if any. */
    private void propagate(NodeRuntime node, Map<String, Object> output) {
        int[] children = node.children;
        for (int k = 0; k < children.length; k++) {
            NodeRuntime child = nodes[children[k]];
            Map<String, Object> value = output;
            NodeStep edgeStep = node.edgeSteps[k];
            if (edgeStep != null) {
                try {
                    value = edgeStep.apply(output);
                } catch (Exception | LinkageError | StackOverflowError error) {
                    nodeFailed(child, output, edgeStep.description() + " on the edge from " + node.name, error);
                    continue;
                }
                if (value == null) {
                    continue;
                }
            }
            child.inputs[node.childSlots[k]] = value;
            if (child.type != NodeType.METRONOME) {
                child.dirty = true;
                if (child.index > lastDirty) {
                    lastDirty = child.index;
                }
            }
        }
    }

    private void nodeFailed(NodeRuntime node, Map<String, Object> input, String step, Throwable error) {
        node.counters.countFailed();
        node.recentErrors.add(ErrorRecord.of(error));
        if (node.failureLog.tryAcquire()) {
            long held = node.failureLog.takeSuppressed();
            LOG.warn("Node {} of DAG {}: {} failed: {}{}", node.name, dagName, step, error,
                    held > 0 ? " (" + held + " more failures since the last report)" : "");
            LOG.debug("Stack trace of the failure in node {}", node.name, error);
        }
        if (deadLetter != null) {
            String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
            publish(deadLetter, deadLetterEvent(node.name, step + ": " + message, error.getClass().getName(), "event", input));
        }
    }

    private Map<String, Object> deadLetterEvent(String node, String error, String errorType, String key, Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("dag", dagName);
        event.put("node", node);
        event.put("error", error);
        event.put("errorType", errorType);
        event.put(key, value);
        event.put("timestamp", Instant.now().toString());
        return event;
    }

    // ---- Publishing and acknowledgement ----

    private void publish(PublisherRuntime publisher, Map<String, Object> event) {
        EventTicket current = ticket;
        if (abandoning) {
            current.abandoned = true;
            publisher.abandoned();
            return;
        }
        PublishCall call = publisher.idleCall;
        if (call == null) {
            call = new PublishCall(this, publisher);
            publisher.idleCall = call;
        }
        current.pending++;
        call.ticket = current;
        call.event = event;
        call.attempt = 0;
        send(call);
    }

    /** Hands the call's event to its publisher, retrying synchronous failures until delivered or abandoned. */
    private void send(PublishCall call) {
        PublisherRuntime publisher = call.publisher;
        while (true) {
            call.inlineOutcome = PublishCall.NONE;
            call.inPublish = true;
            try {
                publisher.publisher.publish(call.event, call);
            } catch (Exception | LinkageError error) {
                if (call.inlineOutcome == PublishCall.NONE) {
                    call.inlineOutcome = PublishCall.FAILED;
                    call.inlineFailure = error;
                }
            } finally {
                call.inPublish = false;
            }
            int outcome = call.inlineOutcome;
            if (outcome == PublishCall.SUCCEEDED) {
                publisher.succeeded();
                callDone(call);
                return;
            }
            if (outcome == PublishCall.NONE) {
                // Completes later through the inbox; the call object stays with this event.
                if (publisher.idleCall == call) {
                    publisher.idleCall = null;
                }
                return;
            }
            Throwable failure = call.inlineFailure;
            call.inlineFailure = null;
            if (!waitToRetry(call, failure)) {
                return;
            }
        }
    }

    /** Records a failed attempt and sleeps the backoff; returns false when the call was abandoned instead. */
    private boolean waitToRetry(PublishCall call, Throwable failure) {
        PublisherRuntime publisher = call.publisher;
        publisher.failed(failure);
        if (abandoning || abandonDue()) {
            abandon(call);
            return false;
        }
        long backoff = Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(call.attempt, 20));
        long delay = (long) (backoff * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        call.attempt++;
        if (publisher.failureLog.tryAcquire()) {
            long held = publisher.failureLog.takeSuppressed();
            LOG.warn("Publisher {} of DAG {} failed (attempt {}): {}; retrying in {} ms, intake waits meanwhile{}",
                    publisher.name(), dagName, call.attempt, failure, TimeUnit.NANOSECONDS.toMillis(delay),
                    held > 0 ? " (" + held + " more failures since the last report)" : "");
        }
        long wakeAt = System.nanoTime() + delay;
        while (true) {
            if (abandonDue()) {
                abandon(call);
                return false;
            }
            long left = wakeAt - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, Math.min(left, RETRY_SLICE_NANOS));
            Thread.interrupted();
        }
    }

    private boolean abandonDue() {
        return stopRequested && System.nanoTime() - abandonAtNanos >= 0;
    }

    private void abandon(PublishCall call) {
        if (!abandoning) {
            abandoning = true;
            LOG.error("Stopping DAG {}: gave up delivering to publisher {} after the stop timeout; this event and "
                    + "those still queued stay unacknowledged at their sources", dagName, call.publisher.name());
        }
        call.publisher.abandoned();
        call.ticket.abandoned = true;
        callDone(call);
    }

    private void callDone(PublishCall call) {
        EventTicket done = call.ticket;
        call.ticket = null;
        call.event = null;
        if (call.publisher.idleCall == null) {
            call.publisher.idleCall = call;
        }
        done.pending--;
        if (done.pending == 0 && !done.sweeping) {
            inFlightTickets--;
            inFlightVisible = inFlightTickets;
            acknowledge(done);
        }
    }

    /** Acknowledges the ticket now, or keeps it in flight and starts a fresh one for the next event. */
    private void finishTicket(EventTicket current) {
        current.sweeping = false;
        if (current.pending == 0) {
            acknowledge(current);
        } else {
            inFlightTickets++;
            inFlightVisible = inFlightTickets;
            ticket = new EventTicket();
        }
    }

    private void acknowledge(EventTicket done) {
        Acknowledgement acknowledgement = done.acknowledgement;
        done.acknowledgement = null;
        if (done.abandoned || acknowledgement == null) {
            return;
        }
        try {
            acknowledgement.acknowledge();
        } catch (RuntimeException error) {
            if (acknowledgementLog.tryAcquire()) {
                LOG.warn("DAG {}: acknowledging an event to its source failed: {}", dagName, error.toString());
            }
        }
    }

    private void processInbox() {
        Object item;
        while ((item = inbox.poll()) != null) {
            if (item instanceof PublishCall call) {
                Throwable failure = call.asyncFailure;
                call.asyncFailure = null;
                if (failure == null) {
                    call.publisher.succeeded();
                    callDone(call);
                } else if (waitToRetry(call, failure)) {
                    send(call);
                }
            } else if (item instanceof Rejection rejection) {
                rejectionReceived(rejection);
            }
        }
    }

    private void rejectionReceived(Rejection rejection) {
        NodeRuntime node = nodes[rejection.queue().nodeIndex()];
        // A rejected payload counts as in and as failed, so failed never exceeds in.
        node.counters.countIn();
        node.counters.countFailed();
        node.recentErrors.add(new ErrorRecord(Instant.now(), "UnparseablePayload", rejection.reason()));
        if (node.failureLog.tryAcquire()) {
            long held = node.failureLog.takeSuppressed();
            LOG.warn("Node {} of DAG {}: subscriber {} rejected a payload: {}{}", node.name, dagName, node.subscriber,
                    rejection.reason(), held > 0 ? " (" + held + " more failures since the last report)" : "");
        }
        if (deadLetter != null) {
            EventTicket current = ticket;
            current.begin(Acknowledgement.NONE);
            String payload = new String(rejection.payload(), StandardCharsets.UTF_8);
            publish(deadLetter, deadLetterEvent(node.name, rejection.reason(), "UnparseablePayload", "payload", payload));
            finishTicket(current);
        }
    }

    /** Flushes publishers and waits, until the stop timeout, for events still awaiting completion. */
    private void finish() {
        for (PublisherRuntime publisher : publishers) {
            try {
                publisher.publisher.flush();
            } catch (Exception error) {
                LOG.warn("DAG {}: flushing publisher {} failed: {}", dagName, publisher.name(), error.toString());
            }
        }
        while (inFlightTickets > 0 && !abandonDue()) {
            if (!inbox.isEmpty()) {
                processInbox();
            } else {
                sleeping = true;
                if (inbox.isEmpty()) {
                    LockSupport.parkNanos(this, RETRY_SLICE_NANOS);
                }
                sleeping = false;
            }
        }
        if (inFlightTickets > 0) {
            LOG.warn("DAG {} stopped with {} events still waiting for their publishers; they stay unacknowledged",
                    dagName, inFlightTickets);
        }
    }
}
