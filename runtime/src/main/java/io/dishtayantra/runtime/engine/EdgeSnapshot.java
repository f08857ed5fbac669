package io.dishtayantra.runtime.engine;

/**
 * One edge of a DAG.
 *
 * @param as the key the parent's value is nested under in the child's input, or null
 * @param transformer the transformer applied on the edge, or null
 */
public record EdgeSnapshot(String from, String to, String as, String transformer) {
}
