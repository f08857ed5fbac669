package io.dishtayantra.crd.window;

import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the window keys of the original's JSON DAG definitions into a {@link TimeWindowSpec}.
 *
 * <p>The original reads {@code start_time} ("HHMM" or "HH:MM"; absent or null means the DAG always
 * runs), {@code duration} ("8h", "90m", "1h30m"; the end is start plus duration modulo 24 hours),
 * the older {@code end_time}, and {@code schedule} with {@code days_of_week},
 * {@code exclude_days_of_week}, {@code holiday_calendars} and {@code timezone} (America/New_York
 * when absent). Without a duration or end time it ends the window five minutes before it starts.
 * An integer duration crashed the original although its documentation describes it as minutes;
 * this converter reads it as minutes.
 */
public final class LegacyWindowConverter {

    /** The zone the original evaluates a schedule in when the schedule names none. */
    public static final String DEFAULT_TIME_ZONE = "America/New_York";

    private static final Pattern HOURS_MINUTES = Pattern.compile("^(?:(\\d+)h)?(?:(\\d+)m)?$");
    private static final Pattern CLOCK_TIME = Pattern.compile("^(\\d{1,2}):?(\\d{2})$");
    private static final Set<String> SCHEDULE_KEYS =
            Set.of("days_of_week", "exclude_days_of_week", "holiday_calendars", "timezone");

    private LegacyWindowConverter() {
    }

    /**
     * Converts the window keys of one DAG definition; other keys are ignored.
     *
     * @param dag the original's DAG as parsed JSON: maps, lists, strings, numbers, booleans, nulls
     */
    public static LegacyWindowConversion convert(Map<String, Object> dag) {
        List<ValidationProblem> unconverted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        checkAutoclone(dag.get("autoclone"), unconverted);

        Object startValue = dag.get("start_time");
        if (startValue == null) {
            if (dag.get("schedule") != null) {
                unconverted.add(new ValidationProblem("schedule", String.valueOf(dag.get("schedule")),
                        "a schedule without start_time is not converted, because a TimeWindow needs a start; "
                                + "set start and end in spec.timeWindow for the hours the DAG should run"));
            }
            return new LegacyWindowConversion(Optional.empty(), unconverted, notes);
        }
        Optional<LocalTime> start = clockTime(startValue, "start_time", unconverted);
        if (start.isEmpty()) {
            return new LegacyWindowConversion(Optional.empty(), unconverted, notes);
        }

        TimeWindowSpec window = new TimeWindowSpec();
        window.setStart(start.get().toString());
        convertLength(dag, start.get(), window, unconverted, notes);
        convertSchedule(dag.get("schedule"), window, unconverted, notes);
        return new LegacyWindowConversion(Optional.of(window), unconverted, notes);
    }

    private static void convertLength(Map<String, Object> dag, LocalTime start, TimeWindowSpec window,
            List<ValidationProblem> unconverted, List<String> notes) {
        Object durationValue = dag.get("duration");
        if (durationValue != null) {
            Optional<Duration> duration = duration(durationValue, unconverted);
            if (duration.isEmpty()) {
                return;
            }
            if (duration.get().compareTo(WindowFields.MAX_LENGTH) < 0 && !duration.get().isZero()) {
                window.setDuration(Durations.format(duration.get()));
                return;
            }
            LocalTime wrappedEnd = start.plus(duration.get());
            unconverted.add(new ValidationProblem("duration", String.valueOf(durationValue),
                    "a window of 24h or more is not supported; the original wrapped the end modulo 24 hours to "
                            + wrappedEnd + ", which is what the converted window uses"
                            + (wrappedEnd.equals(start) ? ", but that equals the start; remove the window instead"
                                    : "")));
            window.setEnd(wrappedEnd.toString());
            return;
        }

        Object endValue = dag.get("end_time");
        if (endValue != null) {
            clockTime(endValue, "end_time", unconverted).ifPresent(end -> window.setEnd(end.toString()));
            return;
        }

        LocalTime end = start.minusMinutes(5);
        window.setEnd(end.toString());
        notes.add("start_time without duration: the original ran the window from " + start + " until 5 minutes "
                + "before the next start, so the converted window ends at " + end + " the next day");
    }

    private static void convertSchedule(Object scheduleValue, TimeWindowSpec window,
            List<ValidationProblem> unconverted, List<String> notes) {
        if (scheduleValue == null) {
            window.setTimeZone(DEFAULT_TIME_ZONE);
            notes.add("no schedule: the original used the server's local time zone; the converted window uses "
                    + DEFAULT_TIME_ZONE + ", so set timeZone if the server ran elsewhere");
            return;
        }
        if (!(scheduleValue instanceof Map<?, ?> schedule)) {
            unconverted.add(new ValidationProblem("schedule", String.valueOf(scheduleValue),
                    "schedule is not a JSON object and is not converted"));
            window.setTimeZone(DEFAULT_TIME_ZONE);
            return;
        }

        for (Object key : schedule.keySet()) {
            if (!SCHEDULE_KEYS.contains(String.valueOf(key))) {
                unconverted.add(new ValidationProblem("schedule." + key, String.valueOf(schedule.get(key)),
                        "unknown schedule key, which the original rejected; it is not converted"));
            }
        }

        Object zone = schedule.get("timezone");
        window.setTimeZone(zone == null ? DEFAULT_TIME_ZONE : String.valueOf(zone));

        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (schedule.get("days_of_week") != null) {
            days = days(schedule.get("days_of_week"), "schedule.days_of_week", unconverted);
        }
        if (schedule.get("exclude_days_of_week") != null) {
            days.removeAll(days(schedule.get("exclude_days_of_week"), "schedule.exclude_days_of_week", unconverted));
        }
        if (days.isEmpty()) {
            unconverted.add(new ValidationProblem("schedule.days_of_week", String.valueOf(schedule.get("days_of_week")),
                    "no day is left after exclude_days_of_week, so the DAG never ran; the converted window "
                            + "opens every day, so remove the window or list the days it should open"));
        } else if (days.size() < DayOfWeek.values().length) {
            window.setDays(days.stream().map(WindowFields::dayName).toList());
        }

        Object calendars = schedule.get("holiday_calendars");
        if (calendars instanceof List<?> list && !list.isEmpty()) {
            unconverted.add(new ValidationProblem("schedule.holiday_calendars", String.valueOf(calendars),
                    "holiday calendars are not converted; list each holiday as YYYY-MM-DD in excludeDates"));
        }
    }

    private static void checkAutoclone(Object autoclone, List<ValidationProblem> unconverted) {
        if (autoclone != null) {
            unconverted.add(new ValidationProblem("autoclone", String.valueOf(autoclone),
                    "the original's ramp of perpetual in-memory clones is not converted; set autoClone.enabled "
                            + "on the window to run each occurrence in its own dated clone"));
        }
    }

    private static Set<DayOfWeek> days(Object value, String path, List<ValidationProblem> unconverted) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!(value instanceof List<?> list)) {
            unconverted.add(new ValidationProblem(path, String.valueOf(value),
                    "expected a list of day names such as [\"mon\", \"tue\"]; it is not converted"));
            return days;
        }
        for (Object item : list) {
            Optional<DayOfWeek> day = WindowFields.parseDay(String.valueOf(item));
            if (day.isPresent()) {
                days.add(day.get());
            } else {
                unconverted.add(new ValidationProblem(path, String.valueOf(item),
                        "unknown day name; it is not converted"));
            }
        }
        return days;
    }

    private static Optional<LocalTime> clockTime(Object value, String path, List<ValidationProblem> unconverted) {
        String text = value instanceof Number number ? String.format("%04d", number.intValue()) : String.valueOf(value);
        Matcher matcher = CLOCK_TIME.matcher(text.trim());
        if (matcher.matches()) {
            int hour = Integer.parseInt(matcher.group(1));
            int minute = Integer.parseInt(matcher.group(2));
            if (hour < 24 && minute < 60) {
                return Optional.of(LocalTime.of(hour, minute));
            }
        }
        unconverted.add(new ValidationProblem(path, String.valueOf(value),
                "invalid time; the original expects HHMM or HH:MM, so the window is not converted"));
        return Optional.empty();
    }

    private static Optional<Duration> duration(Object value, List<ValidationProblem> unconverted) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.longValue() >= 0) {
            return Optional.of(Duration.ofMinutes(number.longValue()));
        }
        String text = String.valueOf(value).trim();
        Matcher matcher = HOURS_MINUTES.matcher(text);
        if (!text.isEmpty() && matcher.matches()) {
            long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
            long minutes = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
            return Optional.of(Duration.ofHours(hours).plusMinutes(minutes));
        }
        if (Durations.isValid(text)) {
            return Optional.of(Durations.parse(text));
        }
        unconverted.add(new ValidationProblem("duration", String.valueOf(value),
                "invalid duration; the original expects hours and minutes such as 8h, 90m or 1h30m, "
                        + "or a whole number of minutes"));
        return Optional.empty();
    }
}
