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

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Map<String, Object>[] events;
    private final Acknowledgement[] acknowledgements;
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
        this.events = new Map[capacity];
        this.acknowledgements = new Acknowledgement[capacity];
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
            events[tail] = event;
            acknowledgements[tail] = acknowledgement == null ? Acknowledgement.NONE : acknowledgement;
            tail = tail + 1 == capacity ? 0 : tail + 1;
            size = size + 1;
        } finally {
            lock.unlock();
        }
        consumer.wake();
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
            events[tail] = event;
            acknowledgements[tail] = Acknowledgement.NONE;
            tail = tail + 1 == capacity ? 0 : tail + 1;
            size = size + 1;
        } finally {
            lock.unlock();
        }
        consumer.wake();
        return true;
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
                head = head + 1 == capacity ? 0 : head + 1;
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
