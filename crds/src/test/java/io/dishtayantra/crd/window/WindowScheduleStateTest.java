package io.dishtayantra.crd.window;

import static io.dishtayantra.crd.window.WindowSpecs.londonSession;
import static io.dishtayantra.crd.window.WindowSpecs.window;
import static io.dishtayantra.crd.window.WindowSpecs.windowWithDuration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** States, occurrences and transitions on ordinary days, across midnight and around excluded dates. */
class WindowScheduleStateTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant london(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), LONDON).toInstant();
    }

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
    }

    private final WindowSchedule session = WindowSchedule.of(londonSession());

    @Test
    void beforeOpeningOnWeekday() {
        WindowPosition position = session.positionAt(london("2026-12-07T07:00"));

        assertThat(position.state()).isEqualTo(WindowState.BEFORE);
        assertThat(position.occurrence()).isPresent();
        assertThat(position.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(position.occurrence().get().opens()).isEqualTo(london("2026-12-07T08:00"));
        assertThat(position.occurrence().get().closes()).isEqualTo(london("2026-12-07T16:30"));
        assertThat(position.nextTransition()).contains(london("2026-12-07T08:00"));
        assertThat(position.mode()).isEqualTo(RunMode.SUSPENDED);
        assertThat(position.nextModeChange()).contains(london("2026-12-07T08:00"));
        assertThat(position.warmingUp()).isFalse();
    }

    @Test
    void activeFromOpeningInstant() {
        WindowPosition position = session.positionAt(london("2026-12-07T08:00"));

        assertThat(position.state()).isEqualTo(WindowState.ACTIVE);
        assertThat(position.active()).isTrue();
        assertThat(position.mode()).isEqualTo(RunMode.RUNNING);
        assertThat(position.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(position.nextTransition()).contains(london("2026-12-07T16:30"));
        assertThat(position.nextModeChange()).contains(london("2026-12-07T16:30"));
    }

    @Test
    void beforeUntilLastNanosecond() {
        WindowPosition position = session.positionAt(london("2026-12-07T08:00").minusNanos(1));

        assertThat(position.state()).isEqualTo(WindowState.BEFORE);
    }

    @Test
    void midWindowIsActive() {
        WindowPosition position = session.positionAt(london("2026-12-09T12:34:56"));

        assertThat(position.state()).isEqualTo(WindowState.ACTIVE);
        assertThat(position.mode()).isEqualTo(RunMode.RUNNING);
        assertThat(position.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-09"));
    }

    @Test
    void afterClosingUntilMidnight() {
        WindowPosition position = session.positionAt(london("2026-12-07T16:30"));

        assertThat(position.state()).isEqualTo(WindowState.AFTER);
        assertThat(position.mode()).isEqualTo(RunMode.SUSPENDED);
        assertThat(position.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(position.nextTransition()).contains(london("2026-12-08T00:00"));
        assertThat(position.nextModeChange()).contains(london("2026-12-08T08:00"));
    }

    @Test
    void fridayEveningTurnsExcludedAtMidnight() {
        WindowPosition position = session.positionAt(london("2026-12-11T20:00"));

        assertThat(position.state()).isEqualTo(WindowState.AFTER);
        assertThat(position.nextTransition()).contains(london("2026-12-12T00:00"));
        assertThat(position.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-14"));
    }

    @Test
    void weekendIsExcludedUntilMondayMidnight() {
        WindowPosition position = session.positionAt(london("2026-12-12T12:00"));

        assertThat(position.state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(position.mode()).isEqualTo(RunMode.SUSPENDED);
        assertThat(position.nextTransition()).contains(london("2026-12-14T00:00"));
        assertThat(position.occurrence().get().opens()).isEqualTo(london("2026-12-14T08:00"));
    }

    @Test
    void excludedDatesSkipChristmasAndBoxingDayHoliday() {
        WindowPosition thursday = session.positionAt(london("2026-12-24T17:00"));
        WindowPosition christmas = session.positionAt(london("2026-12-25T10:00"));
        WindowPosition holidayMonday = session.positionAt(london("2026-12-28T10:00"));

        assertThat(thursday.state()).isEqualTo(WindowState.AFTER);
        assertThat(thursday.nextTransition()).contains(london("2026-12-25T00:00"));
        assertThat(christmas.state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(christmas.nextTransition()).contains(london("2026-12-29T00:00"));
        assertThat(christmas.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-29"));
        assertThat(holidayMonday.state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(session.occurrenceOn(LocalDate.parse("2026-12-28"))).isEmpty();
    }

    @Test
    void emptyDaysMeansEveryDay() {
        WindowSchedule daily = WindowSchedule.of(window("Europe/London", "08:00", "09:00"));

        assertThat(daily.days()).hasSize(7);
        assertThat(daily.positionAt(london("2026-12-12T08:30")).state()).isEqualTo(WindowState.ACTIVE);
    }

    @Test
    void midnightCrossingOpensOnAllowedDayAndClosesNextDay() {
        WindowSchedule night = WindowSchedule.of(window("America/New_York", "22:00", "06:00", "Mon", "Tue", "Wed",
                "Thu", "Fri"));

        WindowPosition fridayNight = night.positionAt(newYork("2026-12-11T23:00"));
        assertThat(fridayNight.state()).isEqualTo(WindowState.ACTIVE);
        assertThat(fridayNight.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-11"));
        assertThat(fridayNight.occurrence().get().closes()).isEqualTo(newYork("2026-12-12T06:00"));
        assertThat(fridayNight.nextTransition()).contains(newYork("2026-12-12T06:00"));

        WindowPosition saturdayEarly = night.positionAt(newYork("2026-12-12T05:59"));
        assertThat(saturdayEarly.state()).isEqualTo(WindowState.ACTIVE);
        assertThat(saturdayEarly.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-11"));

        WindowPosition saturdayMorning = night.positionAt(newYork("2026-12-12T06:00"));
        assertThat(saturdayMorning.state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(saturdayMorning.nextTransition()).contains(newYork("2026-12-14T00:00"));
        assertThat(saturdayMorning.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-14"));

        WindowPosition mondayEarly = night.positionAt(newYork("2026-12-14T03:00"));
        assertThat(mondayEarly.state()).isEqualTo(WindowState.BEFORE);
        assertThat(mondayEarly.nextTransition()).contains(newYork("2026-12-14T22:00"));

        WindowPosition tuesdayEarly = night.positionAt(newYork("2026-12-15T03:00"));
        assertThat(tuesdayEarly.state()).isEqualTo(WindowState.ACTIVE);
        assertThat(tuesdayEarly.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-14"));

        WindowPosition tuesdayMorning = night.positionAt(newYork("2026-12-15T06:00"));
        assertThat(tuesdayMorning.state()).isEqualTo(WindowState.BEFORE);
        assertThat(tuesdayMorning.nextTransition()).contains(newYork("2026-12-15T22:00"));
    }

    @Test
    void midnightCrossingStaysActiveThroughMidnight() {
        WindowSchedule night = WindowSchedule.of(window("Europe/London", "22:00", "06:00"));

        WindowPosition position = night.positionAt(london("2026-12-07T23:00"));

        assertThat(position.nextTransition()).contains(london("2026-12-08T06:00"));
    }

    @Test
    void midnightCrossingIntoExcludedDateStillCloses() {
        TimeWindowSpecBuilder builder = new TimeWindowSpecBuilder(window("Europe/London", "22:00", "06:00"));
        WindowSchedule night = WindowSchedule.of(builder.excluding("2026-12-25").spec());

        assertThat(night.positionAt(london("2026-12-25T05:00")).state()).isEqualTo(WindowState.ACTIVE);
        assertThat(night.positionAt(london("2026-12-25T07:00")).state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(night.positionAt(london("2026-12-25T23:00")).state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(night.positionAt(london("2026-12-26T03:00")).state()).isEqualTo(WindowState.BEFORE);
    }

    @Test
    void durationCrossesMidnight() {
        WindowSchedule night = WindowSchedule.of(windowWithDuration("Europe/London", "20:00", "8h", "Fri"));

        WindowPosition saturday = night.positionAt(london("2026-12-12T03:59"));

        assertThat(saturday.state()).isEqualTo(WindowState.ACTIVE);
        assertThat(saturday.occurrence().get().closes()).isEqualTo(london("2026-12-12T04:00"));
        assertThat(night.positionAt(london("2026-12-12T04:00")).state()).isEqualTo(WindowState.EXCLUDED);
    }

    @Test
    void warmUpStartsStoppedDagBeforeOpening() {
        var spec = londonSession();
        spec.setOutside("Stop");
        spec.setWarmUp("2m");
        WindowSchedule stopping = WindowSchedule.of(spec);

        WindowPosition early = stopping.positionAt(london("2026-12-07T07:57"));
        assertThat(early.mode()).isEqualTo(RunMode.STOPPED);
        assertThat(early.warmingUp()).isFalse();
        assertThat(early.nextModeChange()).contains(london("2026-12-07T07:58"));
        assertThat(early.nextTransition()).contains(london("2026-12-07T08:00"));

        WindowPosition warming = stopping.positionAt(london("2026-12-07T07:58"));
        assertThat(warming.state()).isEqualTo(WindowState.BEFORE);
        assertThat(warming.warmingUp()).isTrue();
        assertThat(warming.mode()).isEqualTo(RunMode.SUSPENDED);
        assertThat(warming.nextModeChange()).contains(london("2026-12-07T08:00"));

        WindowPosition open = stopping.positionAt(london("2026-12-07T08:00"));
        assertThat(open.mode()).isEqualTo(RunMode.RUNNING);
        assertThat(open.warmingUp()).isFalse();

        WindowPosition closed = stopping.positionAt(london("2026-12-07T16:30"));
        assertThat(closed.mode()).isEqualTo(RunMode.STOPPED);
        assertThat(closed.nextModeChange()).contains(london("2026-12-08T07:58"));
    }

    @Test
    void warmUpCrossesMidnightAndWeekend() {
        var spec = window("Europe/London", "00:01", "01:00", "Mon");
        spec.setOutside("Stop");
        spec.setWarmUp("5m");
        WindowSchedule stopping = WindowSchedule.of(spec);

        WindowPosition sunday = stopping.positionAt(london("2026-12-13T23:56"));

        assertThat(sunday.state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(sunday.warmingUp()).isTrue();
        assertThat(sunday.mode()).isEqualTo(RunMode.SUSPENDED);
    }

    @Test
    void stopWithoutWarmUpStaysStoppedUntilOpening() {
        var spec = londonSession();
        spec.setOutside("Stop");
        WindowSchedule stopping = WindowSchedule.of(spec);

        WindowPosition early = stopping.positionAt(london("2026-12-07T07:59"));

        assertThat(early.mode()).isEqualTo(RunMode.STOPPED);
        assertThat(early.nextModeChange()).contains(london("2026-12-07T08:00"));
    }

    @Test
    void pinnedScheduleRunsOnlyItsDate() {
        WindowSchedule clone = session.pinnedTo(LocalDate.parse("2026-12-08"));

        WindowPosition dayBefore = clone.positionAt(london("2026-12-07T12:00"));
        assertThat(dayBefore.state()).isEqualTo(WindowState.BEFORE);
        assertThat(dayBefore.occurrence().get().date()).isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(dayBefore.nextTransition()).contains(london("2026-12-08T08:00"));

        assertThat(clone.positionAt(london("2026-12-08T09:00")).state()).isEqualTo(WindowState.ACTIVE);

        WindowPosition after = clone.positionAt(london("2026-12-08T16:30"));
        assertThat(after.state()).isEqualTo(WindowState.AFTER);
        assertThat(after.occurrence()).isEmpty();
        assertThat(after.nextTransition()).isEmpty();
        assertThat(after.nextModeChange()).isEmpty();
        assertThat(after.mode()).isEqualTo(RunMode.STOPPED);
        assertThat(dayBefore.mode()).isEqualTo(RunMode.SUSPENDED);

        assertThat(clone.positionAt(london("2026-12-09T09:00")).state()).isEqualTo(WindowState.AFTER);
    }

    @Test
    void pinnedToExcludedDateNeverOpens() {
        WindowSchedule clone = session.pinnedTo(LocalDate.parse("2026-12-25"));

        WindowPosition position = clone.positionAt(london("2026-12-25T09:00"));

        assertThat(position.state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(position.occurrence()).isEmpty();
        assertThat(position.nextTransition()).isEmpty();
    }

    @Test
    void occurrenceAfterSkipsExcludedDates() {
        var christmasEve = session.occurrenceOn(LocalDate.parse("2026-12-24")).orElseThrow();

        var following = session.occurrenceAfter(christmasEve).orElseThrow();

        assertThat(following.date()).isEqualTo(LocalDate.parse("2026-12-29"));
        assertThat(following.length()).isEqualTo(Duration.ofHours(8).plusMinutes(30));
    }
}
