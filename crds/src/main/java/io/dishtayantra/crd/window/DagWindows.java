package io.dishtayantra.crd.window;

import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window that governs a DAG. A DAG names a TimeWindow in {@code spec.timeWindowRef} or embeds
 * one in {@code spec.timeWindow}; the reference wins when both are set. A dated clone also sets
 * {@code spec.windowDate}, which pins the window to that date's occurrence.
 */
public final class DagWindows {

    private DagWindows() {
    }

    /**
     * Lists the window problems of a DAG spec: its embedded window when it has no reference, and
     * its {@code windowDate}. Paths start at {@code spec}. A referenced TimeWindow is validated
     * where it is defined, and whether it exists is checked where it is looked up.
     */
    public static List<ValidationProblem> validate(DagSpec spec) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (isBlank(spec.getTimeWindowRef()) && spec.getTimeWindow() != null) {
            problems.addAll(WindowSchedule.validate(spec.getTimeWindow(), "spec.timeWindow"));
        }
        if (spec.getWindowDate() != null) {
            if (WindowFields.parseDate(spec.getWindowDate()).isEmpty()) {
                problems.add(new ValidationProblem("spec.windowDate", spec.getWindowDate(),
                        "invalid date; write it as YYYY-MM-DD, such as 2026-12-07"));
            } else if (isBlank(spec.getTimeWindowRef()) && spec.getTimeWindow() == null) {
                problems.add(new ValidationProblem("spec.windowDate", spec.getWindowDate(),
                        "windowDate pins a window to one date, but the DAG has no window; "
                                + "set timeWindowRef or timeWindow, or remove windowDate"));
            }
        }
        return problems;
    }

    /** Whether the DAG names a TimeWindow resource. */
    public static boolean referencesWindow(DagSpec spec) {
        return !isBlank(spec.getTimeWindowRef());
    }

    /**
     * Builds the schedule that governs a DAG.
     *
     * @param referenced the spec of the TimeWindow named by {@code spec.timeWindowRef}, or
     *     {@code null} when the DAG names none
     * @return empty when the DAG has no window and always runs
     * @throws InvalidWindowException when the window or {@code windowDate} is invalid
     * @throws IllegalArgumentException when the DAG names a TimeWindow but {@code referenced} is null
     */
    public static Optional<WindowSchedule> scheduleFor(DagSpec spec, TimeWindowSpec referenced) {
        TimeWindowSpec window;
        if (referencesWindow(spec)) {
            if (referenced == null) {
                throw new IllegalArgumentException("TimeWindow '" + spec.getTimeWindowRef()
                        + "' named by spec.timeWindowRef was not found");
            }
            window = referenced;
        } else {
            window = spec.getTimeWindow();
        }
        if (window == null) {
            return Optional.empty();
        }
        List<ValidationProblem> dateProblems = validate(spec).stream()
                .filter(problem -> problem.path().equals("spec.windowDate"))
                .toList();
        if (!dateProblems.isEmpty()) {
            throw new InvalidWindowException(dateProblems);
        }
        WindowSchedule schedule = WindowSchedule.of(window);
        return Optional.of(spec.getWindowDate() == null
                ? schedule
                : schedule.pinnedTo(LocalDate.parse(spec.getWindowDate().trim())));
    }

    /**
     * Whether a DAG is a clone template: its window has {@code autoClone.enabled} and it is not
     * itself a dated clone. A template runs no workload; its dated clones do.
     */
    public static boolean isCloneTemplate(DagSpec spec, WindowSchedule schedule) {
        return schedule.cloneSettings().enabled() && spec.getWindowDate() == null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
