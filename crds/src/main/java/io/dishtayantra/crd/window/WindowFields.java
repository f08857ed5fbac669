package io.dishtayantra.crd.window;

import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.AutoCloneSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsing and checking of the fields of a {@link TimeWindowSpec}, shared by validation and scheduling. */
final class WindowFields {

    /** Windows must close within a day so that occurrences of consecutive days stay apart. */
    static final Duration MAX_LENGTH = Duration.ofDays(1);

    private static final Pattern CLOCK_TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    private static final String DAY_NAMES = "Mon, Tue, Wed, Thu, Fri, Sat, Sun";

    private WindowFields() {
    }

    /** Lists every problem of the spec; paths start with {@code prefix}, such as {@code spec.timeWindow}. */
    static List<ValidationProblem> check(TimeWindowSpec spec, String prefix) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (spec == null) {
            problems.add(new ValidationProblem(prefix, null, "the time window is missing; set timeZone and start"));
            return problems;
        }
        checkZone(spec.getTimeZone(), prefix + ".timeZone", problems);
        checkClockTime(spec.getStart(), prefix + ".start", true, problems);
        checkLength(spec, prefix, problems);
        checkDays(spec.getDays(), prefix + ".days", problems);
        checkExcludeDates(spec.getExcludeDates(), prefix + ".excludeDates", problems);
        checkOutsideAndWarmUp(spec, prefix, problems);
        checkAutoClone(spec.getAutoClone(), prefix + ".autoClone", problems);
        return problems;
    }

    private static void checkZone(String zone, String path, List<ValidationProblem> problems) {
        if (zone == null || zone.isBlank()) {
            problems.add(new ValidationProblem(path, null,
                    "the time zone is missing; set an IANA zone such as Europe/London or America/New_York"));
        } else if (!ZoneId.getAvailableZoneIds().contains(zone.trim())) {
            problems.add(new ValidationProblem(path, zone,
                    "unknown time zone; write an IANA zone name such as Europe/London, not an offset or abbreviation"));
        }
    }

    private static void checkClockTime(String text, String path, boolean required, List<ValidationProblem> problems) {
        if (text == null) {
            if (required) {
                problems.add(new ValidationProblem(path, null, "the time is missing; write it as HH:MM, such as 08:00"));
            }
        } else if (!CLOCK_TIME.matcher(text.trim()).matches()) {
            problems.add(new ValidationProblem(path, text, "invalid time; write it as HH:MM from 00:00 to 23:59"));
        }
    }

    private static void checkLength(TimeWindowSpec spec, String prefix, List<ValidationProblem> problems) {
        String end = spec.getEnd();
        String duration = spec.getDuration();
        if (end != null && duration != null) {
            problems.add(new ValidationProblem(prefix + ".duration", duration,
                    "set either end or duration, not both"));
            // Each value is still checked, so that fixing this one problem does not reveal others.
        }
        if (end == null && duration == null) {
            problems.add(new ValidationProblem(prefix + ".end", null,
                    "the window has no end; set end (HH:MM) or duration (such as 8h30m)"));
            return;
        }
        if (end != null) {
            checkClockTime(end, prefix + ".end", true, problems);
            if (CLOCK_TIME.matcher(end.trim()).matches() && end.trim().equals(trimmed(spec.getStart()))) {
                problems.add(new ValidationProblem(prefix + ".end", end,
                        "end equals start, so the window would never close; leave out the window for a DAG "
                                + "that always runs, or set an end before start to cross midnight"));
            }
        }
        if (duration != null) {
            checkPositiveDuration(duration, prefix + ".duration", problems);
        }
    }

    private static void checkDays(List<String> days, String path, List<ValidationProblem> problems) {
        for (int i = 0; i < days.size(); i++) {
            if (parseDay(days.get(i)).isEmpty()) {
                problems.add(new ValidationProblem(path + "[" + i + "]", days.get(i),
                        "unknown day; write one of " + DAY_NAMES));
            }
        }
    }

    private static void checkExcludeDates(List<String> dates, String path, List<ValidationProblem> problems) {
        for (int i = 0; i < dates.size(); i++) {
            if (parseDate(dates.get(i)).isEmpty()) {
                problems.add(new ValidationProblem(path + "[" + i + "]", dates.get(i),
                        "invalid date; write it as YYYY-MM-DD, such as 2026-12-25"));
            }
        }
    }

    private static void checkOutsideAndWarmUp(TimeWindowSpec spec, String prefix, List<ValidationProblem> problems) {
        OutsideAction outside = null;
        try {
            outside = OutsideAction.parse(spec.getOutside());
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(prefix + ".outside", spec.getOutside(),
                    "invalid value; write Suspend (pods stay, intake paused) or Stop (scaled to zero)"));
        }
        if (spec.getWarmUp() == null) {
            return;
        }
        if (outside == OutsideAction.SUSPEND) {
            problems.add(new ValidationProblem(prefix + ".warmUp", spec.getWarmUp(),
                    "warmUp applies only with outside: Stop, because a suspended DAG is already started; "
                            + "remove warmUp or set outside: Stop"));
        }
        checkPositiveDuration(spec.getWarmUp(), prefix + ".warmUp", problems);
    }

    private static void checkAutoClone(AutoCloneSpec autoClone, String path, List<ValidationProblem> problems) {
        if (autoClone == null) {
            return;
        }
        if (autoClone.getBefore() != null) {
            checkPositiveDuration(autoClone.getBefore(), path + ".before", problems);
        }
        if (autoClone.getKeep() != null && autoClone.getKeep() < 1) {
            problems.add(new ValidationProblem(path + ".keep", String.valueOf(autoClone.getKeep()),
                    "keep must be at least 1, because the clone of the current occurrence is always kept"));
        }
    }

    private static void checkPositiveDuration(String text, String path, List<ValidationProblem> problems) {
        if (!Durations.isValid(text)) {
            problems.add(new ValidationProblem(path, text,
                    "invalid duration; write a number and a unit such as 90m, 8h or 1h30m, at most "
                            + Durations.MAX_TEXT));
            return;
        }
        Duration duration = Durations.parse(text);
        if (duration.isZero() || duration.isNegative()) {
            problems.add(new ValidationProblem(path, text, "the duration must be more than zero"));
        } else if (duration.compareTo(MAX_LENGTH) >= 0) {
            problems.add(new ValidationProblem(path, text,
                    "the duration must be less than 24h; a window that never closes needs no window"));
        }
    }

    /** Parses Mon..Sun (any case; full English names are accepted too). */
    static Optional<DayOfWeek> parseDay(String text) {
        if (text == null || text.trim().length() < 3) {
            return Optional.empty();
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (lower.equals(full) || lower.equals(full.substring(0, 3))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** Parses YYYY-MM-DD. */
    static Optional<LocalDate> parseDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses HH:MM that {@link #check} accepted. */
    static LocalTime parseClockTime(String text) {
        return LocalTime.parse(text.trim());
    }

    /** Parses a zone that {@link #check} accepted. */
    static ZoneId parseZone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("zone " + text + " passed validation but does not parse", e);
        }
    }

    /** Formats a day of week the way manifests write it: Mon..Sun. */
    static String dayName(DayOfWeek day) {
        String full = day.name();
        return full.charAt(0) + full.substring(1, 3).toLowerCase(Locale.ROOT);
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }
}
