package io.dishtayantra.runtime.http.health;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the process has deployed every DAG it was given. The HTTP server starts before the DAGs
 * so that probes respond early; readiness stays false until {@link #markLoaded()}. Thread-safe.
 */
public final class LoadingState {

    private final AtomicBoolean loaded = new AtomicBoolean();

    /** Records that every DAG given at start-up has been deployed and started (or failed). */
    public void markLoaded() {
        loaded.set(true);
    }

    public boolean loaded() {
        return loaded.get();
    }
}
