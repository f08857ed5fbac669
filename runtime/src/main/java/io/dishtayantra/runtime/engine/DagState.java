package io.dishtayantra.runtime.engine;

/**
 * Lifecycle of a DAG instance: CREATED, then RUNNING and SUSPENDED back and forth, then STOPPED;
 * FAILED when it could not start or its executor died. STOPPED and FAILED are final.
 */
public enum DagState {
    CREATED, RUNNING, SUSPENDED, STOPPING, STOPPED, FAILED;

    /** Whether the instance can no longer change state. */
    public boolean isFinal() {
        return this == STOPPED || this == FAILED;
    }
}
