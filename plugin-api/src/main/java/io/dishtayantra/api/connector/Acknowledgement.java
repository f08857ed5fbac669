package io.dishtayantra.api.connector;

/**
 * Tells a source that one event was fully processed (published downstream, dead-lettered or
 * counted as failed) and may be removed from the source.
 */
@FunctionalInterface
public interface Acknowledgement {

    /** For sources with nothing to acknowledge. */
    Acknowledgement NONE = () -> { };

    /** Called once per event, from the DAG's executor thread or a publisher's callback thread. */
    void acknowledge();
}
