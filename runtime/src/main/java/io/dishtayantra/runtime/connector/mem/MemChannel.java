package io.dishtayantra.runtime.connector.mem;

import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded buffer of events between mem publishers and one consumer group. The bound counts
 * events not yet accepted by a DAG: a publisher takes a permit before adding, and the subscriber
 * returns it only once the DAG's queue has accepted the event. An event taken but then not
 * accepted (the subscriber was closed meanwhile) goes back to the front, needing no new permit,
 * so nothing is lost and nothing overtakes it.
 *
 * <p>Thread-safe.
 */
final class MemChannel {

    private final LinkedBlockingDeque<Map<String, Object>> events = new LinkedBlockingDeque<>();
    private final Semaphore free;
    private final int capacity;

    MemChannel(int capacity) {
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** Adds an event, blocking while the channel is full. */
    void put(Map<String, Object> event) throws InterruptedException {
        free.acquire();
        events.addLast(event);
    }

    /** Takes the oldest event, waiting up to the timeout; null when none arrived. */
    Map<String, Object> poll(long timeout, TimeUnit unit) throws InterruptedException {
        return events.pollFirst(timeout, unit);
    }

    /** Releases the slot of an event the DAG accepted. */
    void accepted() {
        free.release();
    }

    /** Puts back an event that was taken but not accepted, ahead of the others. */
    void putBack(Map<String, Object> event) {
        events.addFirst(event);
    }

    int size() {
        return events.size();
    }
}
