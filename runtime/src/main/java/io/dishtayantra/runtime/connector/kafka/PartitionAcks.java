package io.dishtayantra.runtime.connector.kafka;

import io.dishtayantra.api.connector.Acknowledgement;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;

/**
 * The delivered and acknowledged offsets of one assigned partition. The committable offset is the
 * lowest offset delivered but not yet acknowledged, or one past the highest delivered when all
 * are acknowledged, so a commit never passes an event still in the DAG.
 *
 * <p>Delivered offsets are kept in delivery order in fixed-size chunks, each with one flag per
 * offset. The {@link Acknowledgement} returned for an offset sets its flag with a release store
 * from whatever thread acknowledges, so an acknowledgement takes no lock and no queue. Only the
 * consumer thread calls the methods of this class; it reads the flags with acquire loads. A chunk
 * is dropped once all its offsets are acknowledged and never reused, so a late or repeated
 * acknowledgement cannot mark another offset. A new instance is made for every assignment, so
 * acknowledgements of a revoked assignment land in a dropped instance and are ignored.
 */
final class PartitionAcks {

    static final int CHUNK_SIZE = 1024;

    private static final VarHandle FLAG = MethodHandles.arrayElementVarHandle(byte[].class);

    /** Offsets in delivery order and their acknowledgement flags (0 pending, 1 acknowledged). */
    private static final class Chunk {

        final long[] offsets = new long[CHUNK_SIZE];
        final byte[] acknowledged = new byte[CHUNK_SIZE];
    }

    /** The acknowledgement of one delivered offset. */
    private record Delivery(byte[] flags, int slot) implements Acknowledgement {

        @Override
        public void acknowledge() {
            FLAG.setRelease(flags, slot, (byte) 1);
        }
    }

    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    /** The first slot of the first chunk that may still be unacknowledged. */
    private int headSlot;
    /** The next free slot of the last chunk. */
    private int tailSlot = CHUNK_SIZE;
    private long nextOffset = -1;
    private long committed = -1;
    /** Whether every offset was delivered above the one before, as a partition's records come. */
    private boolean ascending = true;

    /** Records an offset handed to the DAG; returns the acknowledgement to pass with its event. */
    Acknowledgement delivered(long offset) {
        if (tailSlot == CHUNK_SIZE) {
            chunks.addLast(new Chunk());
            tailSlot = 0;
            if (chunks.size() == 1) {
                headSlot = 0;
            }
        }
        if (offset < nextOffset) {
            ascending = false;
        }
        Chunk tail = chunks.peekLast();
        int slot = tailSlot++;
        tail.offsets[slot] = offset;
        nextOffset = Math.max(nextOffset, offset + 1);
        return new Delivery(tail.acknowledged, slot);
    }

    /** Returns the offset to commit, or -1 when nothing new can be committed. */
    long committable() {
        skipAcknowledged();
        long candidate = ascending ? firstPending() : lowestPending();
        return candidate > committed ? candidate : -1;
    }

    /** Records a successful commit. */
    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** Events handed to the DAG and not yet acknowledged. */
    int unacknowledged() {
        int count = 0;
        int start = headSlot;
        for (Chunk chunk : chunks) {
            int end = chunk == chunks.peekLast() ? tailSlot : CHUNK_SIZE;
            for (int slot = start; slot < end; slot++) {
                if (!isAcknowledged(chunk, slot)) {
                    count++;
                }
            }
            start = 0;
        }
        return count;
    }

    /** Moves the head past acknowledged offsets and drops chunks that are fully acknowledged. */
    private void skipAcknowledged() {
        Chunk head;
        while ((head = chunks.peekFirst()) != null) {
            boolean last = head == chunks.peekLast();
            int end = last ? tailSlot : CHUNK_SIZE;
            while (headSlot < end && isAcknowledged(head, headSlot)) {
                headSlot++;
            }
            if (headSlot < end || last) {
                return;
            }
            chunks.removeFirst();
            headSlot = 0;
        }
    }

    /** Returns the offset at the head, which is the lowest pending one when delivery was ascending. */
    private long firstPending() {
        Chunk head = chunks.peekFirst();
        boolean pending = head != null && headSlot < (head == chunks.peekLast() ? tailSlot : CHUNK_SIZE);
        return pending ? head.offsets[headSlot] : nextOffset;
    }

    private long lowestPending() {
        long lowest = nextOffset;
        int start = headSlot;
        for (Chunk chunk : chunks) {
            int end = chunk == chunks.peekLast() ? tailSlot : CHUNK_SIZE;
            for (int slot = start; slot < end; slot++) {
                if (!isAcknowledged(chunk, slot)) {
                    lowest = Math.min(lowest, chunk.offsets[slot]);
                }
            }
            start = 0;
        }
        return lowest;
    }

    private static boolean isAcknowledged(Chunk chunk, int slot) {
        return (byte) FLAG.getAcquire(chunk.acknowledged, slot) != 0;
    }
}
