package io.dishtayantra.runtime.connector.resilience;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import java.time.Duration;
import java.util.Set;

/**
 * Reconnect, retry and circuit-breaker settings that every broker connector reads from its
 * config. Keys and defaults are listed in {@link #KEYS} and in docs/connectors.md.
 *
 * @param reconnectDelay first wait after a lost connection ({@code reconnectDelay}, default 200ms)
 * @param reconnectMaxDelay longest wait between reconnect attempts ({@code reconnectMaxDelay}, 30s)
 * @param failureThreshold consecutive failed sends that open a publisher's circuit
 *     ({@code circuitFailureThreshold}, 5)
 * @param openDuration how long an open circuit blocks publishing before one trial send
 *     ({@code circuitOpenDuration}, 5s)
 * @param deliveryTimeout how long a publisher keeps retrying one event before it reports the event
 *     failed ({@code deliveryTimeout}, 2m)
 * @param maxInFlight events a publisher holds that the destination has not confirmed; more
 *     blocks the caller ({@code maxInFlight}, 1000)
 * @param batchSize most events a publisher sends in one round trip ({@code batchSize}, 100)
 */
public record ResilienceSettings(Duration reconnectDelay, Duration reconnectMaxDelay, int failureThreshold,
        Duration openDuration, Duration deliveryTimeout, int maxInFlight, int batchSize) {

    /** Config keys read by {@link #from}. */
    public static final Set<String> KEYS = Set.of("reconnectDelay", "reconnectMaxDelay", "circuitFailureThreshold",
            "circuitOpenDuration", "deliveryTimeout", "maxInFlight", "batchSize");

    /** Returns {@code own} plus {@link #KEYS}: every key a connector with these settings reads. */
    public static Set<String> withKeys(String... own) {
        java.util.Set<String> all = new java.util.HashSet<>(KEYS);
        all.addAll(java.util.List.of(own));
        return all;
    }

    /** Reads the settings, recording problems in {@code config}. */
    public static ResilienceSettings from(ConnectorConfig config) {
        return from(config, 100);
    }

    /** Reads the settings with another default {@code batchSize}, for destinations without batches. */
    public static ResilienceSettings from(ConnectorConfig config, int defaultBatchSize) {
        Duration reconnectDelay = config.duration("reconnectDelay", Duration.ofMillis(200));
        Duration reconnectMaxDelay = config.duration("reconnectMaxDelay", Duration.ofSeconds(30));
        if (reconnectMaxDelay.compareTo(reconnectDelay) < 0) {
            config.problem("reconnectMaxDelay", config.raw("reconnectMaxDelay"),
                    "must not be shorter than reconnectDelay (" + reconnectDelay.toMillis() + "ms)");
            reconnectMaxDelay = reconnectDelay;
        }
        return new ResilienceSettings(
                reconnectDelay,
                reconnectMaxDelay,
                config.integer("circuitFailureThreshold", 5, 1, 1_000_000),
                config.duration("circuitOpenDuration", Duration.ofSeconds(5)),
                config.duration("deliveryTimeout", Duration.ofMinutes(2)),
                config.integer("maxInFlight", 1000, 1, 1_000_000),
                config.integer("batchSize", defaultBatchSize, 1, 100_000));
    }

    public Backoff backoff() {
        return new Backoff(reconnectDelay, reconnectMaxDelay);
    }
}
