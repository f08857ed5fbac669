package io.dishtayantra.api.connector;

/** The outcome of one {@link Publisher#publish} call. */
public interface Completion {

    /** The destination confirmed the event. */
    void succeeded();

    /** The event could not be delivered; the engine retries or reports it. */
    void failed(Throwable cause);
}
