package io.dishtayantra.runtime.engine;

/** A DAG could not start; the message names the component that failed. The DAG is then FAILED. */
public class DagStartException extends RuntimeException {

    public DagStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
