package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.api.connector.EventSink;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded input queue of a Subscription or Metronome node: subscribers put, the DAG's executor
 * thread takes. A full queue blocks {@link #accept} (backpressure); nothing is dropped.
 *
 * <p>Producers take a lock per event; the single consumer drains batches under one lock
 * acquisition, so the lock is mostly uncontended. The consumer is woken (unparked) only when it
 * has announced that it is going to sleep, so a busy executor costs producers one volatile read.
 */
public final class SubscriptionQueue implements EventSink {

    /** The owner of the queue, notified of new events and rejected payloads. */
    interface Consumer {

        /** An event was added; wake up if sleeping. Called from producer threads. */
        void wake();

        /** A subscriber rejected an unparseable payload. Called from producer threads. */
        void rejected(SubscriptionQueue queue, byte[] payload, String reason);
    }

    private static final int INITIAL_SLOTS = 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    // Ring buffers that start small and double up to capacity, so a large maxDepth costs memory
    // only once that many events are waiting.
    private Map<String, Object>[] events;
    private Acknowledgement[] acknowledgements;
    private final int capacity;
    private final int nodeIndex;
    private Consumer consumer;
    private int head;
    private int tail;
    private int waitingProducers;
    private boolean closed;
    private volatile int size;

    @SuppressWarnings("unchecked")
    SubscriptionQueue(int capacity, int nodeIndex) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.nodeIndex = nodeIndex;
        this.events = new Map[Math.min(capacity, INITIAL_SLOTS)];
        this.acknowledgements = new Acknowledgement[events.length];
    }

    void consumer(Consumer consumer) {
        this.consumer = consumer;
    }

    int nodeIndex() {
        return nodeIndex;
    }

    /**
     * Queues one event, blocking while the queue is full.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting, or the
     *     queue was closed because its DAG gave up stopping gracefully
     */
    @Override
    public void accept(Map<String, Object> event, Acknowledgement acknowledgement) throws InterruptedException {
        if (event == null) {
            throw new NullPointerException("event");
        }
        lock.lockInterruptibly();
        try {
            awaitRoom();
            growWhenFull();
            events[tail] = event;
            acknowledgements[tail] = acknowledgement == null ? Acknowledgement.NONE : acknowledgement;
            tail = tail + 1 == events.length ? 0 : tail + 1;
            size = size + 1;
        } finally {
            lock.unlock();
        }
        consumer.wake();
    }

    /** Queues as many of {@code batch[from..to)} as fit under one lock acquisition, waiting while full. */
    @Override
    public int acceptBatch(Map<String, Object>[] batch, int from, int to) throws InterruptedException {
        if (from >= to) {
            throw new IllegalArgumentException("empty batch: from " + from + ", to " + to);
        }
        for (int i = from; i < to; i++) {
            if (batch[i] == null) {
                throw new NullPointerException("event " + i + " of the batch");
            }
        }
        int queued;
        lock.lockInterruptibly();
        try {
            awaitRoom();
            queued = Math.min(to - from, capacity - size);
            growFor(queued);
            for (int i = from; i < from + queued; i++) {
                events[tail] = batch[i];
                acknowledgements[tail] = Acknowledgement.NONE;
                tail = tail + 1 == events.length ? 0 : tail + 1;
            }
            size = size + queued;
        } finally {
            lock.unlock();
        }
        consumer.wake();
        return queued;
    }

    /** Waits, with the lock held, until the queue has room; fails once the queue is closed. */
    private void awaitRoom() throws InterruptedException {
        while (size == capacity) {
            if (closed) {
                throw new InterruptedException("the DAG's input queue was closed");
            }
            waitingProducers++;
            try {
                notFull.await();
            } finally {
                waitingProducers--;
            }
        }
        if (closed) {
            throw new InterruptedException("the DAG's input queue was closed");
        }
    }

    /**
     * Queues an event only when there is room, without blocking. Used for metronome ticks, which
     * are better skipped than piled up behind a stuck DAG.
     */
    boolean offer(Map<String, Object> event) {
        lock.lock();
        try {
            if (size == capacity || closed) {
                return false;
            }
            growWhenFull();
            events[tail] = event;
            acknowledgements[tail] = Acknowledgement.NONE;
            tail = tail + 1 == events.length ? 0 : tail + 1;
            size = size + 1;
        } finally {
            lock.unlock();
        }
        consumer.wake();
        return true;
    }

    /** Doubles the ring buffers, up to capacity, when every slot is taken; called with the lock held. */
    private void growWhenFull() {
        growFor(1);
    }

    /**
     * Doubles the ring buffers until {@code extra} more events fit; called with the lock held and
     * with {@code size + extra <= capacity}.
     */
    @SuppressWarnings("unchecked")
    private void growFor(int extra) {
        if (size + extra <= events.length) {
            return;
        }
        long length = events.length;
        while (length < size + extra) {
            length *= 2;
        }
        length = Math.min(capacity, length);
        Map<String, Object>[] grownEvents = new Map[(int) length];
        Acknowledgement[] grownAcknowledgements = new Acknowledgement[(int) length];
        for (int i = 0; i < size; i++) {
            int from = (head + i) % events.length;
            grownEvents[i] = events[from];
            grownAcknowledgements[i] = acknowledgements[from];
        }
        events = grownEvents;
        acknowledgements = grownAcknowledgements;
        head = 0;
        tail = size;
    }

    @Override
    public void reject(byte[] payload, String reason) {
        consumer.rejected(this, payload, reason);
    }

    /**
     * Moves up to {@code max} events, oldest first, into the given arrays. Executor thread only.
     *
     * @return the number moved
     */
    int drainTo(Map<String, Object>[] eventsOut, Acknowledgement[] acknowledgementsOut, int max) {
        if (size == 0) {
            return 0;
        }
        lock.lock();
        try {
            int count = Math.min(size, max);
            for (int i = 0; i < count; i++) {
                eventsOut[i] = events[head];
                acknowledgementsOut[i] = acknowledgements[head];
                events[head] = null;
                acknowledgements[head] = null;
                head = head + 1 == events.length ? 0 : head + 1;
            }
            size = size - count;
            if (waitingProducers > 0) {
                notFull.signalAll();
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Events waiting; safe from any thread. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Makes producers blocked on a full queue, and later ones, fail with InterruptedException. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
