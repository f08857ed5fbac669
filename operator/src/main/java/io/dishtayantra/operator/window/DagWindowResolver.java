package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.window.DagWindows;
import io.dishtayantra.crd.window.InvalidWindowException;
import io.dishtayantra.crd.window.RunMode;
import io.dishtayantra.crd.window.WindowPosition;
import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.crd.window.WindowSummary;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out a DAG's window at an instant: resolves {@code spec.timeWindowRef} or the embedded
 * window, and builds the {@code InWindow} condition, the Window column text and the run mode.
 * Pure apart from the lookup; thread-safe.
 */
public final class DagWindowResolver {

    /** Type of the DAG condition that reports the window. */
    public static final String IN_WINDOW = "InWindow";

    /** Reason of {@code InWindow=False} when the referenced TimeWindow does not exist. */
    public static final String NOT_FOUND = "TimeWindowNotFound";

    /** Reason of {@code InWindow=False} when the window fails validation. */
    public static final String INVALID = "InvalidTimeWindow";

    /** Start of the Window column of a clone template, which runs no workload itself. */
    public static final String TEMPLATE_PREFIX = "Template: ";

    /** Reason of {@code InWindow=True} for a DAG without a window. */
    public static final String NO_WINDOW = "NoWindow";

    private DagWindowResolver() {
    }

    /**
     * Resolves a DAG's window.
     *
     * @param lookup finds a TimeWindow by name in the DAG's namespace; returns null when there is none
     */
    public static DagWindowView resolve(Dag dag, Function<String, TimeWindow> lookup, Instant now) {
        String ref = dag.getSpec().getTimeWindowRef();
        TimeWindowSpec referenced = null;
        if (DagWindows.referencesWindow(dag.getSpec())) {
            TimeWindow window = lookup.apply(ref);
            if (window == null || window.getSpec() == null) {
                String message = "TimeWindow '" + ref + "' not found in namespace "
                        + dag.getMetadata().getNamespace() + "; the DAG waits until it is created";
                return waiting(dag, NOT_FOUND, message, "Waiting for TimeWindow " + ref);
            }
            referenced = window.getSpec();
        }

        Optional<WindowSchedule> schedule;
        try {
            schedule = DagWindows.scheduleFor(dag.getSpec(), referenced);
        } catch (InvalidWindowException e) {
            String problems = e.problems().stream().map(ValidationProblem::toString)
                    .collect(Collectors.joining("; "));
            String source = referenced != null ? "TimeWindow '" + ref + "'" : "spec.timeWindow";
            return waiting(dag, INVALID, source + " is invalid: " + problems, "Invalid window");
        }

        if (schedule.isEmpty()) {
            Condition condition = condition(dag, "True", NO_WINDOW, "the DAG has no time window and always runs");
            return new DagWindowView(schedule, Optional.empty(), condition, "Always", RunMode.RUNNING, false,
                    Optional.empty());
        }

        WindowPosition position = schedule.get().positionAt(now);
        boolean template = DagWindows.isCloneTemplate(dag.getSpec(), schedule.get());
        String summary = WindowSummary.describe(schedule.get(), position);
        String column = template ? TEMPLATE_PREFIX + summary : summary;
        Condition condition = condition(dag, position.active() ? "True" : "False",
                position.state().displayName(), summary);
        Optional<Instant> nextCheck = earliest(position.nextTransition(), position.nextModeChange());
        return new DagWindowView(schedule, Optional.of(position), condition, column, position.mode(), template,
                nextCheck);
    }

    private static DagWindowView waiting(Dag dag, String reason, String message, String column) {
        return new DagWindowView(Optional.empty(), Optional.empty(), condition(dag, "False", reason, message),
                column, RunMode.STOPPED, false, Optional.empty());
    }

    private static Condition condition(Dag dag, String status, String reason, String message) {
        return new ConditionBuilder()
                .withType(IN_WINDOW)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(dag.getMetadata().getGeneration())
                .build();
    }

    private static Optional<Instant> earliest(Optional<Instant> first, Optional<Instant> second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return Optional.of(first.get().isBefore(second.get()) ? first.get() : second.get());
    }
}
