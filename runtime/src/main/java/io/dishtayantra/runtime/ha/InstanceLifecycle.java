package io.dishtayantra.runtime.ha;

/**
 * Actions a {@link LeaseCoordinator} takes on the DAG when this process becomes an active
 * instance or stops being one. Both methods are called on one coordinator thread, never at the same time.
 */
public interface InstanceLifecycle {

    /**
     * Opens the subscriptions and starts processing as instance {@code index}.
     *
     * @throws RuntimeException when the DAG cannot start; the coordinator then gives the Lease up
     */
    void activate(int index);

    /**
     * Stops intake at once, finishes the events in flight and closes the subscriptions, leaving
     * unacknowledged events in the sources. Returns when done; the DAG can be activated again later.
     *
     * @param reason why, for the log
     */
    void deactivate(String reason);
}
