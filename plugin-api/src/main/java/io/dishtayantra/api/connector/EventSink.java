package io.dishtayantra.api.connector;

import java.util.Map;

/** Where a subscriber hands its events: the bounded queue of a subscription node. */
public interface EventSink {

    /**
     * Queues one event, blocking while the queue is full (backpressure).
     *
     * @param acknowledgement called once the event has been fully processed downstream; use
     *     {@link Acknowledgement#NONE} for sources that cannot acknowledge
     * @throws InterruptedException when the subscriber's thread is interrupted while waiting
     */
    void accept(Map<String, Object> event, Acknowledgement acknowledgement) throws InterruptedException;

    /**
     * Queues events {@code events[from]} onwards, oldest first, each with {@link Acknowledgement#NONE}:
     * as many of {@code events[from..to)} as there is room for, and at least one, waiting while the
     * queue is full. Subscribers that receive events in batches and cannot acknowledge use it to
     * hand a batch over in one step. The default queues one event with {@link #accept}.
     *
     * @return how many events were queued, from 1 to {@code to - from}
     * @throws InterruptedException when the thread is interrupted before any event was queued
     */
    default int acceptBatch(Map<String, Object>[] events, int from, int to) throws InterruptedException {
        accept(events[from], Acknowledgement.NONE);
        return 1;
    }

    /**
     * Reports a payload that could not be parsed. The engine counts it, logs it and sends it to
     * the dead-letter publisher when the DAG has one; the subscriber then acknowledges it so one
     * bad message never blocks a queue.
     */
    void reject(byte[] payload, String reason);
}
