package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.connector.ConnectorHealth;
import java.time.Instant;

/** The connection state a connector last reported. Thread-safe. */
final class ConnectorHealthState implements ConnectorHealth {

    private volatile boolean connected;
    private volatile String reason = "not started";
    private volatile Instant since = Instant.now();
    private volatile int reconnectAttempt;
    private volatile long lag = -1;

    @Override
    public void connected() {
        if (!connected) {
            since = Instant.now();
        }
        connected = true;
        reason = null;
        reconnectAttempt = 0;
    }

    @Override
    public void disconnected(String why) {
        if (connected) {
            since = Instant.now();
        }
        connected = false;
        reason = why;
    }

    @Override
    public void reconnecting(int attempt) {
        reconnectAttempt = attempt;
    }

    @Override
    public void lag(long events) {
        lag = events;
    }

    ConnectorHealthSnapshot snapshot() {
        return new ConnectorHealthSnapshot(connected, reason, since, reconnectAttempt, lag);
    }
}
