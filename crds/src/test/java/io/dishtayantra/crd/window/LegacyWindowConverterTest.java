package io.dishtayantra.crd.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyWindowConverterTest {

    private static Map<String, Object> dag(Object... keysAndValues) {
        Map<String, Object> dag = new HashMap<>();
        dag.put("name", "fx_quote_cleaner");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            dag.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return dag;
    }

    @Test
    void weekdaySessionInLondon() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag(
                "start_time", "0715",
                "duration", "9h30m",
                "schedule", Map.of("days_of_week", List.of("mon", "tue", "wed", "thu", "fri"),
                        "timezone", "Europe/London")));

        TimeWindowSpec window = conversion.window().orElseThrow();
        assertThat(window.getStart()).isEqualTo("07:15");
        assertThat(window.getDuration()).isEqualTo("9h30m");
        assertThat(window.getEnd()).isNull();
        assertThat(window.getTimeZone()).isEqualTo("Europe/London");
        assertThat(window.getDays()).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri");
        assertThat(conversion.unconverted()).isEmpty();
        assertThat(conversion.notes()).isEmpty();
        assertThat(WindowSchedule.validate(window, "spec.timeWindow")).isEmpty();
    }

    @Test
    void noStartTimeMeansNoWindow() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag("duration", "8h"));

        assertThat(conversion.window()).isEmpty();
        assertThat(conversion.unconverted()).isEmpty();
    }

    @Test
    void scheduleWithoutStartTimeIsReported() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag(
                "schedule", Map.of("days_of_week", List.of("mon"))));

        assertThat(conversion.window()).isEmpty();
        assertThat(conversion.unconverted()).extracting(ValidationProblem::path).containsExactly("schedule");
    }

    @Test
    void colonStartTimeAndMinutesDuration() {
        TimeWindowSpec window = LegacyWindowConverter.convert(dag("start_time", "09:30", "duration", "90m",
                "schedule", Map.of())).window().orElseThrow();

        assertThat(window.getStart()).isEqualTo("09:30");
        assertThat(window.getDuration()).isEqualTo("1h30m");
        assertThat(window.getTimeZone()).isEqualTo("America/New_York");
        assertThat(window.getDays()).isEmpty();
    }

    @Test
    void integerDurationIsMinutes() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag("start_time", "0930", "duration", 390,
                "schedule", Map.of("timezone", "America/New_York")));

        assertThat(conversion.window().orElseThrow().getDuration()).isEqualTo("6h30m");
        assertThat(conversion.unconverted()).isEmpty();
    }

    @Test
    void numericStartTimeIsPadded() {
        TimeWindowSpec window = LegacyWindowConverter.convert(dag("start_time", 715, "duration", "8h",
                "schedule", Map.of())).window().orElseThrow();

        assertThat(window.getStart()).isEqualTo("07:15");
    }

    @Test
    void missingDurationUsesOriginalDefault() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag("start_time", "0800",
                "schedule", Map.of()));

        assertThat(conversion.window().orElseThrow().getEnd()).isEqualTo("07:55");
        assertThat(conversion.notes()).singleElement().asString().contains("5 minutes");
    }

    @Test
    void legacyEndTimeIsUsedWithoutDuration() {
        TimeWindowSpec window = LegacyWindowConverter.convert(dag("start_time", "2200", "end_time", "0600",
                "schedule", Map.of())).window().orElseThrow();

        assertThat(window.getEnd()).isEqualTo("06:00");
        assertThat(window.getDuration()).isNull();
    }

    @Test
    void missingScheduleUsesNewYorkWithNote() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag("start_time", "0800", "duration", "1h"));

        assertThat(conversion.window().orElseThrow().getTimeZone()).isEqualTo("America/New_York");
        assertThat(conversion.notes()).singleElement().asString().contains("local time zone");
    }

    @Test
    void excludedWeekdaysAreRemoved() {
        TimeWindowSpec window = LegacyWindowConverter.convert(dag("start_time", "0800", "duration", "1h",
                "schedule", Map.of("exclude_days_of_week", List.of("sat", "sun")))).window().orElseThrow();

        assertThat(window.getDays()).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri");
    }

    @Test
    void holidayCalendarsAndAutocloneAreReported() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag(
                "start_time", "0930", "duration", "6h30m",
                "schedule", Map.of("holiday_calendars", List.of("usa", "canada")),
                "autoclone", Map.of("ramp_up_time", "0900", "ramp_count", 2)));

        assertThat(conversion.window()).isPresent();
        assertThat(conversion.unconverted()).extracting(ValidationProblem::path)
                .containsExactlyInAnyOrder("schedule.holiday_calendars", "autoclone");
        assertThat(conversion.unconverted()).filteredOn(p -> p.path().equals("schedule.holiday_calendars"))
                .singleElement().extracting(ValidationProblem::message).asString().contains("excludeDates");
    }

    @Test
    void unknownScheduleKeyAndDayAreReported() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag("start_time", "0800", "duration", "1h",
                "schedule", Map.of("days_of_week", List.of("mon", "someday"), "weekends", true)));

        assertThat(conversion.unconverted()).extracting(ValidationProblem::path)
                .containsExactlyInAnyOrder("schedule.days_of_week", "schedule.weekends");
        assertThat(conversion.window().orElseThrow().getDays()).containsExactly("Mon");
    }

    @Test
    void invalidStartTimeGivesNoWindow() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag("start_time", "25:00", "duration", "1h"));

        assertThat(conversion.window()).isEmpty();
        assertThat(conversion.unconverted()).extracting(ValidationProblem::path).containsExactly("start_time");
    }

    @Test
    void invalidDurationIsReported() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag("start_time", "0800", "duration", "8 hours",
                "schedule", Map.of()));

        assertThat(conversion.unconverted()).extracting(ValidationProblem::path).containsExactly("duration");
    }

    @Test
    void dayLongDurationWrapsLikeOriginal() {
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(dag("start_time", "0800", "duration", "25h",
                "schedule", Map.of()));

        assertThat(conversion.window().orElseThrow().getEnd()).isEqualTo("09:00");
        assertThat(conversion.unconverted()).extracting(ValidationProblem::path).containsExactly("duration");
    }
}
