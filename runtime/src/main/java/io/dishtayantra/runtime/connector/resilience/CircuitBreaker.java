package io.dishtayantra.runtime.connector.resilience;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A publisher's circuit breaker. After {@code failureThreshold} consecutive failures it opens, and
 * {@link #acquire()} blocks every caller, so a dead destination stops intake (backpressure)
 * instead of filling memory or dropping events. After {@code openDuration} one caller is let
 * through as a trial (half-open): its success closes the circuit, its failure opens it again.
 * Thread-safe. While the circuit is closed and the last outcome was a success, {@link #acquire()}
 * and {@link #onSuccess()} read two volatile fields and take no lock, because a publisher calls
 * them once per event from two threads (the caller and the client's callback thread).
 */
public final class CircuitBreaker {

    /** The breaker's state. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final Consumer<Throwable> onOpen;
    private final Runnable onClose;

    // Written under the lock; volatile for the lock-free checks on the closed circuit.
    private volatile State state = State.CLOSED;
    private volatile int consecutiveFailures;
    private long openedAtNanos;
    private boolean trialInFlight;

    /**
     * @param onOpen called, outside any lock, with the failure that opened the circuit
     * @param onClose called, outside any lock, when a success closes an open circuit
     */
    public CircuitBreaker(int failureThreshold, Duration openDuration, Consumer<Throwable> onOpen, Runnable onClose) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.onOpen = onOpen;
        this.onClose = onClose;
    }

    /** Blocks while the circuit is open and no trial is due; returns at once when closed. */
    public void acquire() throws InterruptedException {
        if (state == State.CLOSED) {
            return;
        }
        acquireSlowly();
    }

    private synchronized void acquireSlowly() throws InterruptedException {
        while (true) {
            switch (state) {
                case CLOSED -> {
                    return;
                }
                case OPEN -> {
                    long waited = System.nanoTime() - openedAtNanos;
                    if (waited >= openNanos) {
                        state = State.HALF_OPEN;
                        trialInFlight = true;
                        return;
                    }
                    long remainingMillis = Math.max(1, (openNanos - waited) / 1_000_000);
                    wait(remainingMillis);
                }
                case HALF_OPEN -> {
                    if (!trialInFlight) {
                        trialInFlight = true;
                        return;
                    }
                    wait(100);
                }
            }
        }
    }

    /** Records a confirmed send. */
    public void onSuccess() {
        if (state == State.CLOSED && consecutiveFailures == 0) {
            // Nothing would change, because there is no failure to reset and no thread waits on a closed circuit.
            return;
        }
        boolean closed;
        synchronized (this) {
            consecutiveFailures = 0;
            closed = state != State.CLOSED;
            state = State.CLOSED;
            trialInFlight = false;
            notifyAll();
        }
        if (closed) {
            onClose.run();
        }
    }

    /** Records a failed send. */
    public void onFailure(Throwable cause) {
        boolean opened = false;
        synchronized (this) {
            consecutiveFailures++;
            if (state == State.HALF_OPEN) {
                state = State.OPEN;
                openedAtNanos = System.nanoTime();
                trialInFlight = false;
            } else if (state == State.CLOSED && consecutiveFailures >= failureThreshold) {
                state = State.OPEN;
                openedAtNanos = System.nanoTime();
                opened = true;
            }
            notifyAll();
        }
        if (opened) {
            onOpen.accept(cause);
        }
    }

    public synchronized State state() {
        return state;
    }
}
