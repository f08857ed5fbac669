package io.dishtayantra.api.connector;

/**
 * A source of events for a subscription node.
 *
 * <p>The engine calls {@link #start} once; the subscriber then delivers events to the sink from
 * threads it owns, until {@link #close}. {@link #pause} and {@link #resume} may be called from any
 * thread: a paused subscriber stops taking events from its source, so they wait there.
 *
 * <p>For at-least-once delivery, a subscriber acknowledges an event to its source only when the
 * engine calls the {@link Acknowledgement} passed with it, which happens after every publisher
 * downstream of the event has confirmed it.
 */
public interface Subscriber extends AutoCloseable {

    /**
     * Connects and starts delivering events to {@code sink}.
     *
     * @throws Exception when the configuration is unusable; connection failures after start are
     *     retried by the subscriber itself and reported through {@link ConnectorContext#health()}
     */
    void start(ConnectorContext context, EventSink sink) throws Exception;

    /** Stops taking events from the source. Events already handed to the sink stay there. */
    void pause();

    /** Takes events from the source again after {@link #pause}. */
    void resume();

    /** Stops delivering, closes connections and waits for the subscriber's threads to end. */
    @Override
    void close();
}
