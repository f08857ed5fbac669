package io.dishtayantra.api.connector;

import java.util.Map;

/**
 * A sink for the events a publication node emits.
 *
 * <p>{@link #publish} is called from the DAG's executor thread only. A publisher that sends
 * asynchronously calls {@code completion} when the destination has confirmed the event (or
 * failed to); a synchronous one calls it before returning.
 */
public interface Publisher extends AutoCloseable {

    /** Connects to the destination. */
    void start(ConnectorContext context) throws Exception;

    /**
     * Sends one event.
     *
     * @param completion called exactly once, from any thread, with the outcome
     * @throws Exception when the event could not even be handed to the client; the engine then
     *     treats it like {@link Completion#failed}
     */
    void publish(Map<String, Object> event, Completion completion) throws Exception;

    /** Blocks until every event passed to {@link #publish} so far has completed. */
    default void flush() throws Exception {
    }

    /** Flushes and closes the connection. */
    @Override
    void close();
}
