package io.dishtayantra.crd.window;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which dated clones of a template DAG should exist, when the CronJob that creates them runs, and
 * which clones retention deletes. Each occurrence of the window runs in a clone named
 * {@code <template>-<YYYYMMDD>} after the occurrence's date in the window's zone.
 *
 * <p>The clone of an occurrence is due {@code autoClone.before} before the previous occurrence
 * closes. The clone of the current occurrence, or of the next one outside the window, is always
 * due. Instances are immutable and thread-safe.
 */
public final class ClonePlan {

    private static final DateTimeFormatter NAME_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final WindowSchedule schedule;

    /**
     * @param schedule the template's schedule, not pinned
     * @throws IllegalArgumentException when the schedule is pinned to a date, as clones are
     */
    public ClonePlan(WindowSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        if (schedule.pinnedDate().isPresent()) {
            throw new IllegalArgumentException("a dated clone (windowDate " + schedule.pinnedDate().get()
                    + ") cannot have clones of its own");
        }
    }

    /** Builds the name of the clone for an occurrence date, such as {@code trades-20261207}. */
    public static String cloneName(String template, LocalDate date) {
        return template + "-" + NAME_DATE.format(date);
    }

    /** Reads the occurrence date from a clone's name; empty when the name is not a clone of {@code template}. */
    public static Optional<LocalDate> cloneDate(String template, String cloneName) {
        String prefix = template + "-";
        if (!cloneName.startsWith(prefix) || cloneName.length() != prefix.length() + 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(cloneName.substring(prefix.length()), NAME_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Lists the occurrences whose clones should exist at {@code now}: the current occurrence or
     * the next one, and the one after it once {@code now} is within {@code before} of the first
     * one's close. The operator creates any of these that are missing, to catch up after a first
     * install or a missed CronJob run.
     */
    public List<Occurrence> dueAt(Instant now) {
        List<Occurrence> due = new ArrayList<>();
        Optional<Occurrence> first = schedule.positionAt(now).occurrence();
        if (first.isEmpty()) {
            return due;
        }
        due.add(first.get());
        Instant followingDue = first.get().closes().minus(schedule.cloneSettings().before());
        if (!now.isBefore(followingDue)) {
            schedule.occurrenceAfter(first.get()).ifPresent(due::add);
        }
        return due;
    }

    /**
     * Lists the occurrences the {@code clone} command creates clones for when the CronJob runs at
     * {@code now}: those {@link #dueAt} returns, plus the one after the current occurrence while the
     * window is open. The addition covers a CronJob that fires up to a minute early, because its
     * schedule is rounded down to whole minutes.
     */
    public List<Occurrence> forCloneRun(Instant now) {
        List<Occurrence> due = dueAt(now);
        if (due.size() == 1 && due.getFirst().contains(now)) {
            schedule.occurrenceAfter(due.getFirst()).ifPresent(due::add);
        }
        return due;
    }

    /**
     * Chooses the clones that retention deletes: all but the {@code keep} most recent dates, never
     * the date of the current or next occurrence or a later one.
     *
     * @param existing dates of the clones that exist
     * @return the dates to delete, oldest first
     */
    public List<LocalDate> toDelete(Collection<LocalDate> existing, Instant now) {
        LocalDate protectedFrom = schedule.positionAt(now).occurrence().map(Occurrence::date).orElse(LocalDate.MAX);
        List<LocalDate> newestFirst = new ArrayList<>(new TreeSet<>(existing));
        newestFirst.sort(Comparator.reverseOrder());
        List<LocalDate> deleted = new ArrayList<>();
        for (int i = schedule.cloneSettings().keep(); i < newestFirst.size(); i++) {
            LocalDate date = newestFirst.get(i);
            if (date.isBefore(protectedFrom)) {
                deleted.add(date);
            }
        }
        deleted.sort(Comparator.naturalOrder());
        return deleted;
    }

    /**
     * Builds the schedule of the CronJob that runs the {@code clone} command: {@code before} ahead
     * of each occurrence's close, on the local days the occurrences close.
     *
     * <p>The time is computed from the nominal local times, rounded down to the minute. On a day
     * with a daylight-saving change inside the window the CronJob therefore fires up to an hour
     * off; the operator's catch-up creates a clone that is due but missing.
     */
    public CronSchedule cronSchedule() {
        long startMinute = schedule.start().toSecondOfDay() / 60;
        long lengthMinutes = nominalLength().toMinutes();
        long fireMinute = startMinute + lengthMinutes - ceilMinutes(schedule.cloneSettings().before());
        int dayShift = (int) Math.floorDiv(fireMinute, 24 * 60);
        long minuteOfDay = Math.floorMod(fireMinute, 24 * 60);

        String daysField;
        if (schedule.days().size() == DayOfWeek.values().length) {
            daysField = "*";
        } else {
            daysField = schedule.days().stream()
                    .map(day -> day.plus(dayShift).getValue() % 7)
                    .sorted()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
        }
        String expression = (minuteOfDay % 60) + " " + (minuteOfDay / 60) + " * * " + daysField;
        return new CronSchedule(expression, schedule.zone().getId());
    }

    /** Returns the window's length by the wall clock on a day without a daylight-saving change. */
    private Duration nominalLength() {
        if (schedule.duration().isPresent()) {
            return schedule.duration().get();
        }
        LocalTime end = schedule.end().orElseThrow();
        Duration sameDay = Duration.between(schedule.start(), end);
        return end.isAfter(schedule.start()) ? sameDay : sameDay.plusDays(1);
    }

    private static long ceilMinutes(Duration duration) {
        long minutes = duration.toMinutes();
        return duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1;
    }
}
