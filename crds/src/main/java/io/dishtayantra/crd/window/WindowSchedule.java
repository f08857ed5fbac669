package io.dishtayantra.crd.window;

import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.AutoCloneSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A daily window in one time zone, turned from a {@link TimeWindowSpec} into instants.
 *
 * <p>Each allowed date D (its day of week is in {@code days}, or {@code days} is empty, and D is
 * not in {@code excludeDates}) has one occurrence. It opens when the wall clock first reaches
 * {@code start} on D and closes when it first reaches {@code end} on D, or on D+1 when {@code end}
 * is not after {@code start}. With {@code duration} it closes that much elapsed time after opening,
 * so an occurrence that spans a daylight-saving change still lasts {@code duration} while its local
 * closing time moves by the shift.
 *
 * <p>Daylight-saving changes: "first reaches" settles both cases. A local time in a skipped hour
 * resolves to the instant of the change, so a window starting at 01:30 on the spring-forward night
 * in Europe/London opens at 01:00 UTC, when the clocks jump to 02:00. A local time in a repeated
 * hour resolves to its first, earlier instant, and since each date has one occurrence the window
 * does not run a second time when the hour repeats.
 *
 * <p>An occurrence closes no later than the next date's occurrence opens, so occurrences never
 * overlap. A window that lies wholly in a skipped hour has no occurrence that day. A schedule can be pinned to one date, as dated clones are; then only that date's
 * occurrence exists.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WindowSchedule {

    private final ZoneId zone;
    private final ZoneRules rules;
    private final LocalTime start;
    private final LocalTime end;
    private final Duration length;
    private final Set<DayOfWeek> days;
    private final Set<LocalDate> excludeDates;
    private final OutsideAction outside;
    private final Duration warmUp;
    private final CloneSettings cloneSettings;
    private final LocalDate pinnedDate;

    private WindowSchedule(ZoneId zone, LocalTime start, LocalTime end, Duration length, Set<DayOfWeek> days,
            Set<LocalDate> excludeDates, OutsideAction outside, Duration warmUp, CloneSettings cloneSettings,
            LocalDate pinnedDate) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.start = start;
        this.end = end;
        this.length = length;
        this.days = Collections.unmodifiableSet(days);
        this.excludeDates = Collections.unmodifiableSet(excludeDates);
        this.outside = outside;
        this.warmUp = warmUp;
        this.cloneSettings = cloneSettings;
        this.pinnedDate = pinnedDate;
    }

    /**
     * Lists every problem of a window spec.
     *
     * @param pathPrefix where the spec sits in its manifest, such as {@code spec.timeWindow} in a
     *     DAG or {@code spec} in a TimeWindow; problem paths extend it, as in {@code spec.timeWindow.start}
     * @return the problems in field order; empty when the spec is valid
     */
    public static List<ValidationProblem> validate(TimeWindowSpec spec, String pathPrefix) {
        return WindowFields.check(spec, pathPrefix);
    }

    /**
     * Builds the schedule of a window spec.
     *
     * @throws InvalidWindowException listing every problem when the spec is invalid
     */
    public static WindowSchedule of(TimeWindowSpec spec) {
        List<ValidationProblem> problems = validate(spec, "spec");
        if (!problems.isEmpty()) {
            throw new InvalidWindowException(problems);
        }
        ZoneId zone = WindowFields.parseZone(spec.getTimeZone());
        LocalTime start = WindowFields.parseClockTime(spec.getStart());
        LocalTime end = spec.getEnd() == null ? null : WindowFields.parseClockTime(spec.getEnd());
        Duration length = spec.getDuration() == null ? null : Durations.parse(spec.getDuration().trim());

        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        spec.getDays().forEach(day -> days.add(WindowFields.parseDay(day).orElseThrow()));
        if (days.isEmpty()) {
            days.addAll(EnumSet.allOf(DayOfWeek.class));
        }
        Set<LocalDate> excludeDates = new TreeSet<>();
        spec.getExcludeDates().forEach(date -> excludeDates.add(WindowFields.parseDate(date).orElseThrow()));

        OutsideAction outside = OutsideAction.parse(spec.getOutside());
        Duration warmUp = spec.getWarmUp() == null ? null : Durations.parse(spec.getWarmUp().trim());
        return new WindowSchedule(zone, start, end, length, days, excludeDates, outside, warmUp,
                cloneSettings(spec.getAutoClone()), null);
    }

    private static CloneSettings cloneSettings(AutoCloneSpec autoClone) {
        if (autoClone == null) {
            return CloneSettings.DISABLED;
        }
        Duration before = autoClone.getBefore() == null
                ? CloneSettings.DEFAULT_BEFORE
                : Durations.parse(autoClone.getBefore().trim());
        int keep = autoClone.getKeep() == null ? CloneSettings.DEFAULT_KEEP : autoClone.getKeep();
        return new CloneSettings(Boolean.TRUE.equals(autoClone.getEnabled()), before, keep);
    }

    /**
     * Returns this schedule restricted to the occurrence that opens on {@code date}, as a dated
     * clone runs it. When that date opens no occurrence, the pinned schedule never opens.
     */
    public WindowSchedule pinnedTo(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new WindowSchedule(zone, start, end, length, days, excludeDates, outside, warmUp, cloneSettings,
                date);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime start() {
        return start;
    }

    /** Returns the local closing time, when the window was given an {@code end}. */
    public Optional<LocalTime> end() {
        return Optional.ofNullable(end);
    }

    /** Returns the elapsed length, when the window was given a {@code duration}. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(length);
    }

    /** Days of week on which the window opens; all seven when the spec listed none. */
    public Set<DayOfWeek> days() {
        return days;
    }

    public Set<LocalDate> excludeDates() {
        return excludeDates;
    }

    public OutsideAction outside() {
        return outside;
    }

    /** How long before opening a stopped DAG is started (suspended), when set. */
    public Optional<Duration> warmUp() {
        return Optional.ofNullable(warmUp);
    }

    public CloneSettings cloneSettings() {
        return cloneSettings;
    }

    /** Returns the date this schedule is pinned to, for dated clones. */
    public Optional<LocalDate> pinnedDate() {
        return Optional.ofNullable(pinnedDate);
    }

    /** Whether {@code date} opens an occurrence: an allowed day, not excluded, and the pinned date if any. */
    public boolean opensOn(LocalDate date) {
        return allowed(date) && (pinnedDate == null || pinnedDate.equals(date));
    }

    private boolean allowed(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !excludeDates.contains(date);
    }

    /** The occurrence that opens on {@code date}, if that date opens one. */
    public Optional<Occurrence> occurrenceOn(LocalDate date) {
        if (!opensOn(date)) {
            return Optional.empty();
        }
        Instant opens = firstInstantAt(date, start);
        Instant closes;
        if (end != null) {
            closes = firstInstantAt(end.isAfter(start) ? date : date.plusDays(1), end);
        } else {
            closes = opens.plus(length);
        }

        // A daylight-saving shift can push a closing time past the next date's opening; the
        // next occurrence wins so that two occurrences never overlap. A pinned occurrence ends
        // where the unpinned one would, so a clone and its successor do not overlap either.
        LocalDate nextDate = date.plusDays(1);
        if (allowed(nextDate)) {
            Instant nextOpens = firstInstantAt(nextDate, start);
            if (nextOpens.isBefore(closes)) {
                closes = nextOpens;
            }
        }

        // Nothing is left when the whole window lies in skipped local time: an hour the clocks
        // jump over, or a date the zone skipped entirely (Pacific/Apia on 2011-12-30).
        if (!closes.isAfter(opens)) {
            return Optional.empty();
        }
        return Optional.of(new Occurrence(date, opens, closes));
    }

    /** Returns the occurrence open at {@code instant}, if any. */
    public Optional<Occurrence> occurrenceAt(Instant instant) {
        LocalDate today = localDate(instant);
        // Occurrences last less than a day of elapsed time, so one open now opened at most two local dates ago.
        for (int back = 2; back >= 0; back--) {
            Optional<Occurrence> occurrence = occurrenceOn(today.minusDays(back));
            if (occurrence.isPresent() && occurrence.get().contains(instant)) {
                return occurrence;
            }
        }
        return Optional.empty();
    }

    /** The first occurrence that opens after {@code instant}, if any ever does. */
    public Optional<Occurrence> nextOccurrence(Instant instant) {
        if (pinnedDate != null) {
            return occurrenceOn(pinnedDate).filter(occurrence -> occurrence.opens().isAfter(instant));
        }
        LocalDate today = localDate(instant);
        for (int ahead = 0; ahead <= searchDays(); ahead++) {
            Optional<Occurrence> occurrence = occurrenceOn(today.plusDays(ahead));
            if (occurrence.isPresent() && occurrence.get().opens().isAfter(instant)) {
                return occurrence;
            }
        }
        return Optional.empty();
    }

    /** The first occurrence on a date after {@code occurrence}'s date, if any. */
    public Optional<Occurrence> occurrenceAfter(Occurrence occurrence) {
        return nextOccurrence(occurrence.opens());
    }

    /** Computes where {@code instant} falls and what comes next. */
    public WindowPosition positionAt(Instant instant) {
        Optional<Occurrence> open = occurrenceAt(instant);
        WindowState state = stateAt(instant, open);
        Optional<Occurrence> occurrence = open.isPresent() ? open : nextOccurrence(instant);

        boolean warmingUp = open.isEmpty()
                && outside == OutsideAction.STOP
                && warmUp != null
                && occurrence.isPresent()
                && !instant.isBefore(occurrence.get().opens().minus(warmUp));

        RunMode mode;
        if (open.isPresent()) {
            mode = RunMode.RUNNING;
        } else if (occurrence.isEmpty()) {
            // Nothing opens again, as for a dated clone after its occurrence: keeping pods is pointless.
            mode = RunMode.STOPPED;
        } else if (warmingUp || outside == OutsideAction.SUSPEND) {
            mode = RunMode.SUSPENDED;
        } else {
            mode = RunMode.STOPPED;
        }

        Optional<Instant> nextModeChange;
        if (open.isPresent()) {
            nextModeChange = Optional.of(open.get().closes());
        } else if (occurrence.isEmpty()) {
            nextModeChange = Optional.empty();
        } else if (mode == RunMode.STOPPED && warmUp != null) {
            nextModeChange = Optional.of(occurrence.get().opens().minus(warmUp));
        } else {
            nextModeChange = Optional.of(occurrence.get().opens());
        }

        return new WindowPosition(instant, state, occurrence, nextTransition(instant, state), warmingUp, mode,
                nextModeChange);
    }

    private WindowState stateAt(Instant instant, Optional<Occurrence> open) {
        if (open.isPresent()) {
            return WindowState.ACTIVE;
        }
        LocalDate reference = pinnedDate != null ? pinnedDate : localDate(instant);
        Optional<Occurrence> occurrence = occurrenceOn(reference);
        if (occurrence.isEmpty()) {
            return WindowState.EXCLUDED;
        }
        return instant.isBefore(occurrence.get().opens()) ? WindowState.BEFORE : WindowState.AFTER;
    }

    /**
     * The state is constant between consecutive openings, closings and local midnights, so the
     * next transition is the first of those instants at which the state differs.
     */
    private Optional<Instant> nextTransition(Instant instant, WindowState current) {
        for (Instant candidate : boundariesAfter(instant)) {
            if (stateAt(candidate, occurrenceAt(candidate)) != current) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private List<Instant> boundariesAfter(Instant instant) {
        TreeSet<Instant> boundaries = new TreeSet<>();
        if (pinnedDate != null) {
            occurrenceOn(pinnedDate).ifPresent(occurrence -> {
                boundaries.add(occurrence.opens());
                boundaries.add(occurrence.closes());
            });
        } else {
            LocalDate today = localDate(instant);
            for (int offset = -2; offset <= searchDays(); offset++) {
                LocalDate date = today.plusDays(offset);
                occurrenceOn(date).ifPresent(occurrence -> {
                    boundaries.add(occurrence.opens());
                    boundaries.add(occurrence.closes());
                });
                if (offset > 0) {
                    boundaries.add(date.atStartOfDay(zone).toInstant());
                }
            }
        }
        return new ArrayList<>(boundaries.tailSet(instant, false));
    }

    /** Every excluded date can knock out one occurrence, and any seven consecutive dates hold every weekday. */
    private int searchDays() {
        return 8 + excludeDates.size();
    }

    /**
     * Resolves a local date and time to the first instant at which the zone's wall clock reaches it:
     * the instant itself normally, the earlier instant in a repeated hour, and the instant of the
     * change when the clocks skip over it.
     */
    Instant firstInstantAt(LocalDate date, LocalTime time) {
        LocalDateTime local = date.atTime(time);
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        // In a repeated hour the offset before the change is the larger one, giving the earlier instant.
        return local.toInstant(offsets.getFirst());
    }

    /** The local date of {@code instant} in the window's zone. */
    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
