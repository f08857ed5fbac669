package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowStatus;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.window.WindowPosition;
import io.dishtayantra.crd.window.WindowSchedule;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the status of a TimeWindow: state, next transition, referencing DAGs and the Valid condition. */
public final class TimeWindowStatusBuilder {

    /** Type of the condition that reports whether the spec is valid. */
    public static final String VALID = "Valid";

    private TimeWindowStatusBuilder() {
    }

    /**
     * Builds the status at {@code now}; {@code lastTransitionTime} of the condition is left unset
     * for the caller to keep or stamp, so that an unchanged status compares equal.
     *
     * @param dags number of DAGs in the namespace whose {@code spec.timeWindowRef} names the window
     */
    public static TimeWindowStatus build(TimeWindow window, int dags, Instant now) {
        TimeWindowStatus status = new TimeWindowStatus();
        status.setObservedGeneration(window.getMetadata().getGeneration());
        status.setDags(dags);

        List<ValidationProblem> problems = WindowSchedule.validate(window.getSpec(), "spec");
        if (!problems.isEmpty()) {
            String message = problems.stream().map(ValidationProblem::toString).collect(Collectors.joining("; "));
            status.setConditions(List.of(condition(window, "False", "InvalidSpec", message)));
            return status;
        }

        WindowPosition position = WindowSchedule.of(window.getSpec()).positionAt(now);
        status.setState(position.state().displayName());
        position.nextTransition().ifPresent(instant -> status.setNextTransition(
                DateTimeFormatter.ISO_INSTANT.format(instant)));
        status.setConditions(List.of(condition(window, "True", "Valid", "the window is valid")));
        return status;
    }

    private static Condition condition(TimeWindow window, String status, String reason, String message) {
        return new ConditionBuilder()
                .withType(VALID)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(window.getMetadata().getGeneration())
                .build();
    }
}
