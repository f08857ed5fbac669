package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a TimeWindow's status current: its state, next transition, the number of DAGs that
 * reference it, and the Valid condition. It reconciles again at the next transition, and whenever
 * a DAG that references it changes. DAGs follow the window through the DAG controller, which
 * watches TimeWindows itself.
 */
@ControllerConfiguration(name = "timewindow")
public final class TimeWindowReconciler implements Reconciler<TimeWindow> {

    /** Maximum wait between two reconciliations, so a status stays fresh after a missed event. */
    public static final Duration MAX_RESCHEDULE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(TimeWindowReconciler.class);

    private final Clock clock;

    /** @param clock the clock that decides the window's state */
    public TimeWindowReconciler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<EventSource<?, TimeWindow>> prepareEventSources(EventSourceContext<TimeWindow> context) {
        return List.of(WindowEventSources.dagsForTimeWindows(context));
    }

    @Override
    public UpdateControl<TimeWindow> reconcile(TimeWindow window, Context<TimeWindow> context) {
        Instant now = clock.instant();
        String name = window.getMetadata().getName();
        int dags = (int) context.getSecondaryResourcesAsStream(Dag.class)
                .filter(dag -> dag.getSpec() != null && name.equals(dag.getSpec().getTimeWindowRef()))
                .count();

        TimeWindowStatus desired = TimeWindowStatusBuilder.build(window, dags, now);
        stampTransitionTimes(window.getStatus(), desired, now);

        Duration wait = rescheduleDelay(desired, now);
        if (sameStatus(window.getStatus(), desired)) {
            return UpdateControl.<TimeWindow>noUpdate().rescheduleAfter(wait);
        }
        if (window.getStatus() == null || !Objects.equals(window.getStatus().getState(), desired.getState())) {
            LOG.info("TimeWindow {}/{}: {} ({} DAGs), next transition {}", window.getMetadata().getNamespace(), name,
                    desired.getState(), dags, desired.getNextTransition());
        }
        window.setStatus(desired);
        return UpdateControl.patchStatus(window).rescheduleAfter(wait);
    }

    private static Duration rescheduleDelay(TimeWindowStatus status, Instant now) {
        if (status.getNextTransition() == null) {
            return MAX_RESCHEDULE;
        }
        Instant next = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(status.getNextTransition()));
        Duration delay = Duration.between(now, next).plusMillis(1);
        if (delay.isNegative()) {
            return Duration.ofMillis(1);
        }
        return delay.compareTo(MAX_RESCHEDULE) > 0 ? MAX_RESCHEDULE : delay;
    }

    /** Keeps a condition's lastTransitionTime while its status is unchanged, and stamps it otherwise. */
    private static void stampTransitionTimes(TimeWindowStatus current, TimeWindowStatus desired, Instant now) {
        for (Condition condition : desired.getConditions()) {
            Condition previous = current == null ? null : current.getConditions().stream()
                    .filter(existing -> existing.getType().equals(condition.getType()))
                    .findFirst().orElse(null);
            boolean unchanged = previous != null && Objects.equals(previous.getStatus(), condition.getStatus());
            condition.setLastTransitionTime(unchanged && previous.getLastTransitionTime() != null
                    ? previous.getLastTransitionTime()
                    : DateTimeFormatter.ISO_INSTANT.format(now.with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0)));
        }
    }

    private static boolean sameStatus(TimeWindowStatus current, TimeWindowStatus desired) {
        if (current == null) {
            return false;
        }
        return Objects.equals(current.getObservedGeneration(), desired.getObservedGeneration())
                && Objects.equals(current.getState(), desired.getState())
                && Objects.equals(current.getNextTransition(), desired.getNextTransition())
                && Objects.equals(current.getDags(), desired.getDags())
                && Objects.equals(current.getConditions(), desired.getConditions());
    }
}
