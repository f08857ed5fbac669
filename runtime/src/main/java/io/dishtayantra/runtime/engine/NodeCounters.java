package io.dishtayantra.runtime.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Per-node event counts. Only the DAG's executor thread writes them; any thread may read them.
 *
 * <p>Each write is an opaque store of the field plus one: on x86 and ARM that is a plain store,
 * with no lock, fence or atomic read-modify-write, because there is a single writer. Opaque
 * access keeps 64-bit values untorn and guarantees readers eventually see each new value.
 */
public final class NodeCounters {

    private static final VarHandle IN;
    private static final VarHandle OUT;
    private static final VarHandle FAILED;
    private static final VarHandle SUPPRESSED;
    private static final VarHandle LAST_RUN_MILLIS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            IN = lookup.findVarHandle(NodeCounters.class, "in", long.class);
            OUT = lookup.findVarHandle(NodeCounters.class, "out", long.class);
            FAILED = lookup.findVarHandle(NodeCounters.class, "failed", long.class);
            SUPPRESSED = lookup.findVarHandle(NodeCounters.class, "suppressed", long.class);
            LAST_RUN_MILLIS = lookup.findVarHandle(NodeCounters.class, "lastRunMillis", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long in;
    private long out;
    private long failed;
    private long suppressed;
    private long lastRunMillis;

    void countIn() {
        IN.setOpaque(this, in + 1);
    }

    void countOut() {
        OUT.setOpaque(this, out + 1);
    }

    void countFailed() {
        FAILED.setOpaque(this, failed + 1);
    }

    void countSuppressed() {
        SUPPRESSED.setOpaque(this, suppressed + 1);
    }

    void ranAt(long epochMillis) {
        LAST_RUN_MILLIS.setOpaque(this, epochMillis);
    }

    /** Inputs the node ran on (events, ticks or parent outputs). */
    public long in() {
        return (long) IN.getOpaque(this);
    }

    /** Outputs the node passed on. */
    public long out() {
        return (long) OUT.getOpaque(this);
    }

    /** Inputs that failed at this node: a step threw, or a payload could not be parsed. */
    public long failed() {
        return (long) FAILED.getOpaque(this);
    }

    /** Outputs not passed on because they equalled the previous one (changeDetection). */
    public long suppressed() {
        return (long) SUPPRESSED.getOpaque(this);
    }

    /** When the node last ran, in epoch milliseconds, or 0; updated at most once per batch of events. */
    public long lastRunMillis() {
        return (long) LAST_RUN_MILLIS.getOpaque(this);
    }
}
