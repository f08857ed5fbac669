package io.dishtayantra.runtime.connector.mem;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded buffer of events between mem publishers and one consumer group.
 *
 * <p>The bound counts events not yet accepted by a DAG: the events waiting here plus those a
 * subscriber has taken but not yet handed over. A subscriber takes a batch under one lock
 * acquisition and reports it accepted once the DAG's queue took all of it. Events taken but not
 * accepted, because the subscriber was closed meanwhile, go back to the front, so nothing is lost
 * and nothing overtakes them. Publishers block while the bound is reached.
 *
 * <p>Thread-safe.
 */
final class MemChannel {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Map<String, Object>> events = new ArrayDeque<>();
    private final int capacity;
    private int inHand;
    private int waitingPublishers;
    private int waitingSubscribers;

    MemChannel(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Adds an event, blocking while the channel is full. */
    void put(Map<String, Object> event) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (events.size() + inHand >= capacity) {
                waitingPublishers++;
                try {
                    notFull.await();
                } finally {
                    waitingPublishers--;
                }
            }
            events.addLast(event);
            if (waitingSubscribers > 0) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves up to {@code max} of the oldest events into {@code batch}, waiting up to the timeout for
     * the first; the caller must then call {@link #accepted} or {@link #putBack} for all of them.
     *
     * @return the number moved, 0 when none arrived in time
     */
    int take(Map<String, Object>[] batch, int max, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (events.isEmpty()) {
                if (nanos <= 0) {
                    return 0;
                }
                waitingSubscribers++;
                try {
                    nanos = notEmpty.awaitNanos(nanos);
                } finally {
                    waitingSubscribers--;
                }
            }
            int count = Math.min(max, events.size());
            for (int i = 0; i < count; i++) {
                batch[i] = events.pollFirst();
            }
            inHand += count;
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Frees the room of {@code count} taken events that a DAG accepted. */
    void accepted(int count) {
        lock.lock();
        try {
            inHand -= count;
            if (waitingPublishers > 0) {
                notFull.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns taken events {@code batch[from..to)} to the front, in their order. */
    void putBack(Map<String, Object>[] batch, int from, int to) {
        lock.lock();
        try {
            for (int i = to - 1; i >= from; i--) {
                events.addFirst(batch[i]);
            }
            inHand -= to - from;
            if (waitingSubscribers > 0) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }
}
