package io.dishtayantra.runtime.calculator.rest;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A consecutive-failure circuit breaker for one REST calculator.
 *
 * <p>Closed: calls go through, and {@code failureThreshold} failures in a row open it. Open:
 * calls are refused until {@code openDuration} has passed; then one trial call goes through
 * (half-open). The trial's success closes the breaker, its failure opens it again for another
 * {@code openDuration}.
 *
 * <p>Updated by the single thread that calls the calculator; the state is volatile so that
 * metrics and health checks can read it from other threads.
 */
final class CircuitBreaker {

    /** Breaker state. */
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private volatile State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAtNanos;

    CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a call may go out now; moves an open breaker whose time is up to half-open. */
    boolean allowsCall() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAtNanos >= openNanos) {
            state = State.HALF_OPEN;
            return true;
        }
        return state == State.CLOSED || state == State.HALF_OPEN;
    }

    /** Records a successful call; returns true when this closed an open or half-open breaker. */
    boolean recordSuccess() {
        consecutiveFailures = 0;
        boolean wasOpen = state != State.CLOSED;
        state = State.CLOSED;
        return wasOpen;
    }

    /** Records a failed call; returns true when this opened the breaker. */
    boolean recordFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            boolean opened = state != State.OPEN;
            state = State.OPEN;
            openedAtNanos = nanoClock.getAsLong();
            return opened;
        }
        return false;
    }

    State state() {
        return state;
    }
}
