package io.dishtayantra.crd.window;

import java.time.Instant;
import java.util.Optional;

/**
 * A window as seen from one instant.
 *
 * @param instant the instant the position was computed for
 * @param state where the instant falls, see {@link WindowState}
 * @param occurrence the open occurrence when {@code state} is {@link WindowState#ACTIVE}, otherwise
 *     the next one to open; empty when no occurrence opens after the instant (a pinned window whose
 *     date has passed or opens nothing)
 * @param nextTransition the first instant after {@code instant} at which {@code state} changes;
 *     empty when it never changes again
 * @param warmingUp whether the window has {@code outside: Stop} and {@code warmUp}, is not open,
 *     and the next occurrence opens within {@code warmUp}
 * @param mode how a DAG governed by the window should run at {@code instant}
 * @param nextModeChange the first instant after {@code instant} at which {@code mode} may change:
 *     the close of the open occurrence, otherwise the start of warm-up or the next opening; empty
 *     when no occurrence opens after the instant
 */
public record WindowPosition(
        Instant instant,
        WindowState state,
        Optional<Occurrence> occurrence,
        Optional<Instant> nextTransition,
        boolean warmingUp,
        RunMode mode,
        Optional<Instant> nextModeChange) {

    /** Whether the window is open at {@link #instant()}. */
    public boolean active() {
        return state == WindowState.ACTIVE;
    }
}
