package io.dishtayantra.runtime.engine;

/** Told about every state change of a DAG instance, on the thread that caused it. Must not block. */
@FunctionalInterface
public interface DagStateListener {

    /**
     * @param message why, for FAILED; otherwise null
     */
    void stateChanged(DagInstance dag, DagState previous, DagState current, String message);
}
