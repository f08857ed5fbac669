package io.dishtayantra.runtime.connector.file;

import io.dishtayantra.api.connector.Acknowledgement;
import java.util.ArrayDeque;

/**
 * The byte offset up to which every line has been acknowledged. Lines are registered in file
 * order, but acknowledgements may arrive in any order. The committed offset only moves past a
 * line once every earlier line is acknowledged too, so a restart from it never skips a line.
 * Thread-safe.
 */
final class CommittedPosition {

    /** One line's acknowledgement; the engine calls it once the line's event is fully processed. */
    final class Line implements Acknowledgement {

        private final long endOffset;
        private boolean acknowledged;

        private Line(long endOffset) {
            this.endOffset = endOffset;
        }

        @Override
        public void acknowledge() {
            acknowledged(this);
        }
    }

    private final ArrayDeque<Line> pending = new ArrayDeque<>();
    private final Runnable onAdvanceWhenClosed;
    private long committed;
    private boolean closed;

    /**
     * @param committed the offset to start from
     * @param onAdvanceWhenClosed run when the offset moves after {@link #close}, to save it at once
     */
    CommittedPosition(long committed, Runnable onAdvanceWhenClosed) {
        this.committed = committed;
        this.onAdvanceWhenClosed = onAdvanceWhenClosed;
    }

    /** Registers the next line, which ends (newline included) at {@code endOffset}. */
    synchronized Line register(long endOffset) {
        Line line = new Line(endOffset);
        pending.addLast(line);
        return line;
    }

    synchronized long committed() {
        return committed;
    }

    /** Restarts at an offset, forgetting lines not yet acknowledged (the file was truncated). */
    synchronized void reset(long offset) {
        pending.clear();
        committed = offset;
    }

    synchronized void close() {
        closed = true;
    }

    private void acknowledged(Line line) {
        boolean advancedAfterClose;
        synchronized (this) {
            line.acknowledged = true;
            long before = committed;
            while (!pending.isEmpty() && pending.peekFirst().acknowledged) {
                committed = pending.pollFirst().endOffset;
            }
            advancedAfterClose = closed && committed != before;
        }
        if (advancedAfterClose) {
            onAdvanceWhenClosed.run();
        }
    }
}
