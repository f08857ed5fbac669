package io.dishtayantra.runtime.connector.kafka;

import java.util.TreeSet;

/**
 * The delivered and acknowledged offsets of one assigned partition. The committable offset is the
 * lowest offset delivered but not yet acknowledged, or one past the highest delivered when all
 * are acknowledged, so a commit never passes an event still in the DAG. Used only by the
 * consumer thread; a new instance is made for every assignment so that acknowledgements of a
 * revoked assignment can be recognised and ignored.
 */
final class PartitionAcks {

    private final TreeSet<Long> outstanding = new TreeSet<>();
    private long nextOffset = -1;
    private long committed = -1;

    /** Records an offset handed to the DAG. */
    void delivered(long offset) {
        outstanding.add(offset);
        nextOffset = Math.max(nextOffset, offset + 1);
    }

    /** Records that the DAG finished with an offset. */
    void acknowledged(long offset) {
        outstanding.remove(offset);
    }

    /** Returns the offset to commit, or -1 when nothing new can be committed. */
    long committable() {
        long candidate = outstanding.isEmpty() ? nextOffset : outstanding.first();
        return candidate > committed ? candidate : -1;
    }

    /** Records a successful commit. */
    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** Events handed to the DAG and not yet acknowledged. */
    int unacknowledged() {
        return outstanding.size();
    }
}
