package io.dishtayantra.api;

import java.util.Map;

/**
 * A step of a DAG that computes a node's output from its input.
 *
 * <p>The engine creates one instance per calculator declared in a manifest, calls
 * {@link #start} once before the first event, then {@link #calculate} from the DAG's single
 * executor thread, and {@link #close} when the DAG stops. An instance is never called from two
 * threads at once, so it needs no locking unless it starts threads of its own.
 *
 * <p>Implementations must not modify the input map: the same map may also be the input of a
 * sibling node. Return a new map, or the input itself when nothing changes.
 */
public interface Calculator extends AutoCloseable {

    /**
     * Prepares the calculator. Called once, before the first event.
     *
     * @throws Exception when the configuration is unusable or a resource cannot be opened;
     *     the DAG then fails to start with this message
     */
    default void start(PluginContext context) throws Exception {
    }

    /**
     * Computes the output for one event.
     *
     * @param input the node's input, never {@code null}; must not be modified
     * @return the output event, or {@code null} to emit nothing for this input
     * @throws Exception to mark this event as failed for the node; the engine counts it, logs it
     *     and sends it to the DAG's dead-letter publisher, and the DAG keeps running
     */
    Map<String, Object> calculate(Map<String, Object> input) throws Exception;

    /** Releases what {@link #start} opened. Called once, after the last event. */
    @Override
    default void close() throws Exception {
    }
}
