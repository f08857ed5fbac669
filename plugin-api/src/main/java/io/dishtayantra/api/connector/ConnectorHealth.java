package io.dishtayantra.api.connector;

/**
 * A connector's connection state, read by health probes, metrics and the DAG's status.
 * Implementations are thread-safe.
 */
public interface ConnectorHealth {

    /** Records that the connector is connected. */
    void connected();

    /** Records that the connection was lost or could not be opened, with the reason. */
    void disconnected(String reason);

    /** Records one reconnection attempt. */
    void reconnecting(int attempt);

    /** Sets the number of events the source holds that were not yet taken, where it knows. */
    default void lag(long events) {
    }
}
