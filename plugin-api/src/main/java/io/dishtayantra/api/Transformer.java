package io.dishtayantra.api;

import java.util.Map;

/**
 * A reshaping step applied to a node's input, a node's output or the value crossing an edge.
 *
 * <p>The threading and ownership rules of {@link Calculator} apply: one instance per declared
 * transformer, called from one thread at a time, and the input map must not be modified.
 */
public interface Transformer extends AutoCloseable {

    /** Prepares the transformer. Called once, before the first event. */
    default void start(PluginContext context) throws Exception {
    }

    /**
     * Transforms one value.
     *
     * @param input the value to transform, never {@code null}; must not be modified
     * @return the transformed value, or {@code null} to stop the event at this step
     * @throws Exception to mark the event as failed for the node
     */
    Map<String, Object> transform(Map<String, Object> input) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
