package io.dishtayantra.crd.window;

import static io.dishtayantra.crd.window.WindowSpecs.window;
import static io.dishtayantra.crd.window.WindowSpecs.windowWithDuration;
import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks minute by minute through days around daylight-saving changes and checks that every
 * reported transition is exact: the state stays until it and changes at it, and no state change
 * happens anywhere else. Also checks that each allowed date opens exactly once.
 */
class WindowScheduleWalkTest {

    static Stream<Arguments> walks() {
        List<Arguments> walks = new ArrayList<>();
        String[][] windows = {
            {"08:00", "16:30", null},
            {"22:00", "06:00", null},
            {"01:30", "03:00", null},
            {"01:15", "01:45", null},
            {"00:00", "01:30", null},
            {"23:30", null, "3h"},
            {"02:30", null, "90m"},
        };
        String[][] changes = {
            {"Europe/London", "2026-03-27T00:00:00Z"},
            {"Europe/London", "2026-10-23T00:00:00Z"},
            {"America/New_York", "2026-03-06T05:00:00Z"},
            {"America/New_York", "2026-10-30T04:00:00Z"},
        };
        for (String[] change : changes) {
            for (String[] times : windows) {
                TimeWindowSpec spec = times[2] == null
                        ? window(change[0], times[0], times[1], "Mon", "Tue", "Wed", "Thu", "Fri", "Sun")
                        : windowWithDuration(change[0], times[0], times[2], "Mon", "Tue", "Wed", "Thu", "Fri", "Sun");
                spec.setExcludeDates(List.of("2026-03-09", "2026-11-02", "2026-10-26", "2026-03-30"));
                walks.add(Arguments.of(change[0] + " " + times[0] + "+" + (times[1] == null ? times[2] : times[1]),
                        spec, Instant.parse(change[1])));
            }
        }
        return walks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walks")
    void transitionsAreExactForThreeDays(String name, TimeWindowSpec spec, Instant from) {
        WindowSchedule schedule = WindowSchedule.of(spec);
        Instant to = from.plus(3, ChronoUnit.DAYS);

        WindowPosition position = schedule.positionAt(from);
        for (Instant at = from; at.isBefore(to); at = at.plus(1, ChronoUnit.MINUTES)) {
            WindowPosition current = schedule.positionAt(at);
            if (current.state() != position.state()) {
                assertThat(position.nextTransition())
                        .as("transition of %s between %s and %s", name, position.instant(), at)
                        .isPresent();
                Instant transition = position.nextTransition().get();
                assertThat(transition).as("%s changed at %s", name, at).isAfter(at.minus(1, ChronoUnit.MINUTES));
                assertThat(transition).as("%s changed at %s", name, at).isBeforeOrEqualTo(at);
                assertThat(schedule.positionAt(transition).state()).isEqualTo(current.state());
                assertThat(schedule.positionAt(transition.minusNanos(1)).state()).isEqualTo(position.state());
            } else if (position.nextTransition().isPresent()) {
                assertThat(position.nextTransition().get()).as("%s at %s", name, at).isAfter(at);
            }
            position = current;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walks")
    void eachAllowedDateOpensOnce(String name, TimeWindowSpec spec, Instant from) {
        WindowSchedule schedule = WindowSchedule.of(spec);
        Instant to = from.plus(3, ChronoUnit.DAYS);

        List<LocalDate> opened = new ArrayList<>();
        boolean wasActive = schedule.positionAt(from).active();
        for (Instant at = from; at.isBefore(to); at = at.plus(1, ChronoUnit.MINUTES)) {
            WindowPosition current = schedule.positionAt(at);
            if (current.active() && !wasActive) {
                opened.add(current.occurrence().orElseThrow().date());
            }
            wasActive = current.active();
        }

        assertThat(opened).doesNotHaveDuplicates();
        assertThat(opened).allMatch(schedule::opensOn);
        assertThat(opened).isNotEmpty();
    }
}
