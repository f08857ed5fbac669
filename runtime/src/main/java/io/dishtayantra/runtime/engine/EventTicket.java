package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.connector.Acknowledgement;

/**
 * Tracks one source event until every publish it caused has completed, then acknowledges it.
 * Executor thread only. The loop reuses one ticket for as long as every completion arrives
 * synchronously, and allocates a new one only when a ticket must wait for an asynchronous
 * completion.
 */
final class EventTicket {

    Acknowledgement acknowledgement;
    int pending;
    boolean sweeping;
    boolean abandoned;

    void begin(Acknowledgement acknowledgement) {
        this.acknowledgement = acknowledgement;
        this.pending = 0;
        this.sweeping = true;
        this.abandoned = false;
    }
}
