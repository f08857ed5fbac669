package io.dishtayantra.crd.window;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short text for the DAG's Window printer column and log lines, such as "Active until 16:30 Europe/London". */
public final class WindowSummary {

    private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private WindowSummary() {
    }

    /**
     * Describes a position: "Active until 16:30 Europe/London", "Before, opens 08:00 Europe/London",
     * "Excluded, opens Mon 2026-12-14 08:00 Europe/London", or the bare state when the window never
     * opens again. The date is shown when it differs from the local date of the position.
     */
    public static String describe(WindowSchedule schedule, WindowPosition position) {
        String state = position.state().displayName();
        if (position.occurrence().isEmpty()) {
            return state;
        }
        Occurrence occurrence = position.occurrence().get();
        LocalDate today = schedule.localDate(position.instant());
        if (position.active()) {
            return state + " until " + format(schedule, occurrence.closes().atZone(schedule.zone()), today);
        }
        return state + ", opens " + format(schedule, occurrence.opens().atZone(schedule.zone()), today);
    }

    private static String format(WindowSchedule schedule, ZonedDateTime time, LocalDate today) {
        DateTimeFormatter formatter = time.toLocalDate().equals(today) ? SAME_DAY : OTHER_DAY;
        return formatter.format(time) + " " + schedule.zone().getId();
    }
}
