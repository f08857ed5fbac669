package io.dishtayantra.runtime.engine;

import java.time.Instant;

/**
 * A connector's connection state at one moment.
 *
 * @param reason why it is disconnected, or null when connected
 * @param since when the connection state last changed
 * @param reconnectAttempt the current reconnection attempt, 0 when none
 * @param lag events waiting in the source, or -1 when the connector does not know
 */
public record ConnectorHealthSnapshot(boolean connected, String reason, Instant since, int reconnectAttempt, long lag) {
}
