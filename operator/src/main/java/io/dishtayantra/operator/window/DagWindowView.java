package io.dishtayantra.operator.window;

import io.dishtayantra.crd.window.RunMode;
import io.dishtayantra.crd.window.WindowPosition;
import io.dishtayantra.crd.window.WindowSchedule;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's view of a DAG's window at one instant.
 *
 * @param schedule the governing schedule; empty when the DAG has no window, or its window is
 *     missing or invalid
 * @param position where the instant falls in the schedule; empty exactly when {@code schedule} is
 * @param inWindow the DAG's {@code InWindow} condition
 * @param column text for the DAG's {@code status.window} and its Window printer column
 * @param mode how the DAG's runtime should run: {@link RunMode#STOPPED} means zero replicas. A
 *     missing or invalid window stops the DAG, which waits until it is fixed
 * @param template whether the DAG is a clone template, which runs no workload itself
 * @param nextCheck when the operator should look at the DAG again; empty when nothing changes later
 */
public record DagWindowView(
        Optional<WindowSchedule> schedule,
        Optional<WindowPosition> position,
        Condition inWindow,
        String column,
        RunMode mode,
        boolean template,
        Optional<Instant> nextCheck) {

    /** Whether the runtime pods should exist: the DAG runs or is suspended, and it is not a template. */
    public boolean runsPods() {
        return !template && mode != RunMode.STOPPED;
    }
}
