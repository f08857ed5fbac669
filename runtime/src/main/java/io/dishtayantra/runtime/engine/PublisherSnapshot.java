package io.dishtayantra.runtime.engine;

import java.time.Instant;

/**
 * A publisher's state at one moment.
 *
 * @param uri the URI with any password hidden
 * @param circuit {@code closed} while publishing works, {@code open} while the executor retries a
 *     failed event
 * @param openSince when the circuit opened, or null when closed
 * @param lastError the last failed attempt, or null
 * @param published events the publisher confirmed
 * @param failedAttempts attempts that failed, retries included
 * @param abandoned events given up on because the DAG was stopped while retrying; left
 *     unacknowledged at their source
 */
public record PublisherSnapshot(String name, String uri, String circuit, Instant openSince, ErrorRecord lastError,
        long published, long failedAttempts, long abandoned, ConnectorHealthSnapshot health) {
}
