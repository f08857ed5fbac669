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
     * Reports a payload that could not be parsed. The engine counts it, logs it and sends it to
     * the dead-letter publisher when the DAG has one; the subscriber then acknowledges it so one
     * bad message never blocks a queue.
     */
    void reject(byte[] payload, String reason);
}
