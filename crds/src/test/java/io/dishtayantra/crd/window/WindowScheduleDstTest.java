package io.dishtayantra.crd.window;

import static io.dishtayantra.crd.window.WindowSpecs.window;
import static io.dishtayantra.crd.window.WindowSpecs.windowWithDuration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Daylight-saving changes in 2026. Europe/London: clocks go from 01:00 GMT to 02:00 BST on
 * 29 March and from 02:00 BST back to 01:00 GMT on 25 October. America/New_York: from 02:00 EST
 * to 03:00 EDT on 8 March and from 02:00 EDT back to 01:00 EST on 1 November.
 */
class WindowScheduleDstTest {

    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    @Test
    void londonStartInSkippedHourOpensAtChange() {
        WindowSchedule schedule = WindowSchedule.of(window("Europe/London", "01:30", "03:00"));

        Occurrence occurrence = schedule.occurrenceOn(LocalDate.parse("2026-03-29")).orElseThrow();

        assertThat(occurrence.opens()).isEqualTo(utc("2026-03-29T01:00:00Z"));
        assertThat(occurrence.closes()).isEqualTo(utc("2026-03-29T02:00:00Z"));
        assertThat(schedule.positionAt(utc("2026-03-29T00:59:59Z")).state()).isEqualTo(WindowState.BEFORE);
        assertThat(schedule.positionAt(utc("2026-03-29T00:59:59Z")).nextTransition())
                .contains(utc("2026-03-29T01:00:00Z"));
        assertThat(schedule.positionAt(utc("2026-03-29T01:00:00Z")).state()).isEqualTo(WindowState.ACTIVE);
    }

    @Test
    void londonEndInSkippedHourClosesAtChange() {
        WindowSchedule schedule = WindowSchedule.of(window("Europe/London", "00:00", "01:30"));

        Occurrence occurrence = schedule.occurrenceOn(LocalDate.parse("2026-03-29")).orElseThrow();

        assertThat(occurrence.opens()).isEqualTo(utc("2026-03-29T00:00:00Z"));
        assertThat(occurrence.closes()).isEqualTo(utc("2026-03-29T01:00:00Z"));
    }

    @Test
    void windowInsideSkippedHourDoesNotOpenThatDay() {
        WindowSchedule schedule = WindowSchedule.of(window("Europe/London", "01:15", "01:45"));

        assertThat(schedule.occurrenceOn(LocalDate.parse("2026-03-29"))).isEmpty();
        assertThat(schedule.positionAt(utc("2026-03-29T01:30:00Z")).state()).isEqualTo(WindowState.EXCLUDED);
        assertThat(schedule.occurrenceOn(LocalDate.parse("2026-03-30"))).isPresent();
    }

    @Test
    void londonSpringForwardShortensEndWindowButNotDurationWindow() {
        WindowSchedule byEnd = WindowSchedule.of(window("Europe/London", "00:00", "03:00"));
        WindowSchedule byDuration = WindowSchedule.of(windowWithDuration("Europe/London", "00:00", "3h"));

        Occurrence endOccurrence = byEnd.occurrenceOn(LocalDate.parse("2026-03-29")).orElseThrow();
        Occurrence durationOccurrence = byDuration.occurrenceOn(LocalDate.parse("2026-03-29")).orElseThrow();

        assertThat(endOccurrence.length()).isEqualTo(Duration.ofHours(2));
        assertThat(durationOccurrence.length()).isEqualTo(Duration.ofHours(3));
        assertThat(durationOccurrence.closes()).isEqualTo(utc("2026-03-29T03:00:00Z"));
    }

    @Test
    void londonRepeatedHourDoesNotRunTwice() {
        WindowSchedule schedule = WindowSchedule.of(window("Europe/London", "01:15", "01:45"));

        Occurrence occurrence = schedule.occurrenceOn(LocalDate.parse("2026-10-25")).orElseThrow();
        assertThat(occurrence.opens()).isEqualTo(utc("2026-10-25T00:15:00Z"));
        assertThat(occurrence.closes()).isEqualTo(utc("2026-10-25T00:45:00Z"));

        WindowPosition secondPass = schedule.positionAt(utc("2026-10-25T01:15:00Z"));
        assertThat(secondPass.state()).isEqualTo(WindowState.AFTER);
        assertThat(secondPass.nextTransition()).contains(utc("2026-10-26T00:00:00Z"));
        assertThat(countOpenings(schedule, utc("2026-10-24T22:00:00Z"), utc("2026-10-25T06:00:00Z"))).isEqualTo(1);
    }

    @Test
    void londonFallBackLengthensEndWindow() {
        WindowSchedule schedule = WindowSchedule.of(window("Europe/London", "01:30", "03:00"));

        Occurrence occurrence = schedule.occurrenceOn(LocalDate.parse("2026-10-25")).orElseThrow();

        assertThat(occurrence.opens()).isEqualTo(utc("2026-10-25T00:30:00Z"));
        assertThat(occurrence.closes()).isEqualTo(utc("2026-10-25T03:00:00Z"));
        assertThat(occurrence.length()).isEqualTo(Duration.ofMinutes(150));
        assertThat(schedule.positionAt(utc("2026-10-25T01:30:00Z")).state()).isEqualTo(WindowState.ACTIVE);
    }

    @Test
    void londonSessionMovesWithSummerTime() {
        WindowSchedule session = WindowSchedule.of(WindowSpecs.londonSession());

        Occurrence friday = session.occurrenceOn(LocalDate.parse("2026-03-27")).orElseThrow();
        Occurrence monday = session.occurrenceOn(LocalDate.parse("2026-03-30")).orElseThrow();

        assertThat(friday.opens()).isEqualTo(utc("2026-03-27T08:00:00Z"));
        assertThat(monday.opens()).isEqualTo(utc("2026-03-30T07:00:00Z"));
        assertThat(session.positionAt(utc("2026-03-28T12:00:00Z")).nextTransition())
                .contains(utc("2026-03-29T23:00:00Z"));
    }

    @Test
    void newYorkStartInSkippedHourOpensAtChange() {
        WindowSchedule schedule = WindowSchedule.of(window("America/New_York", "02:30", "04:00"));

        Occurrence occurrence = schedule.occurrenceOn(LocalDate.parse("2026-03-08")).orElseThrow();

        assertThat(occurrence.opens()).isEqualTo(utc("2026-03-08T07:00:00Z"));
        assertThat(occurrence.closes()).isEqualTo(utc("2026-03-08T08:00:00Z"));
        assertThat(schedule.positionAt(utc("2026-03-08T06:59:59Z")).state()).isEqualTo(WindowState.BEFORE);
        assertThat(schedule.positionAt(utc("2026-03-08T07:00:00Z")).state()).isEqualTo(WindowState.ACTIVE);
    }

    @Test
    void newYorkRepeatedHourDoesNotRunTwice() {
        WindowSchedule schedule = WindowSchedule.of(window("America/New_York", "01:10", "01:50"));

        Occurrence occurrence = schedule.occurrenceOn(LocalDate.parse("2026-11-01")).orElseThrow();

        assertThat(occurrence.opens()).isEqualTo(utc("2026-11-01T05:10:00Z"));
        assertThat(occurrence.closes()).isEqualTo(utc("2026-11-01T05:50:00Z"));
        assertThat(schedule.positionAt(utc("2026-11-01T06:10:00Z")).state()).isEqualTo(WindowState.AFTER);
        assertThat(countOpenings(schedule, utc("2026-11-01T03:00:00Z"), utc("2026-11-01T09:00:00Z"))).isEqualTo(1);
    }

    @Test
    void newYorkFallBackWindowSpanningRepeatedHour() {
        WindowSchedule schedule = WindowSchedule.of(window("America/New_York", "01:30", "02:30"));

        Occurrence occurrence = schedule.occurrenceOn(LocalDate.parse("2026-11-01")).orElseThrow();

        assertThat(occurrence.opens()).isEqualTo(utc("2026-11-01T05:30:00Z"));
        assertThat(occurrence.closes()).isEqualTo(utc("2026-11-01T07:30:00Z"));
        assertThat(schedule.positionAt(utc("2026-11-01T06:30:00Z")).state()).isEqualTo(WindowState.ACTIVE);
    }

    @Test
    void newYorkOvernightWindowAcrossSpringForward() {
        WindowSchedule schedule = WindowSchedule.of(window("America/New_York", "22:00", "06:00"));

        Occurrence saturday = schedule.occurrenceOn(LocalDate.parse("2026-03-07")).orElseThrow();

        assertThat(saturday.opens()).isEqualTo(utc("2026-03-08T03:00:00Z"));
        assertThat(saturday.closes()).isEqualTo(utc("2026-03-08T10:00:00Z"));
        assertThat(saturday.length()).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void newYorkOvernightWindowAcrossFallBack() {
        WindowSchedule schedule = WindowSchedule.of(window("America/New_York", "22:00", "06:00"));

        Occurrence saturday = schedule.occurrenceOn(LocalDate.parse("2026-10-31")).orElseThrow();

        assertThat(saturday.length()).isEqualTo(Duration.ofHours(9));
        assertThat(saturday.closes()).isEqualTo(utc("2026-11-01T11:00:00Z"));
    }

    @Test
    void durationPastNextOpeningIsCutAtIt() {
        // 23h30m of elapsed time from 08:00 on the spring-forward day would reach 08:30 the next day.
        WindowSchedule schedule = WindowSchedule.of(windowWithDuration("Europe/London", "08:00", "23h30m"));

        Occurrence saturday = schedule.occurrenceOn(LocalDate.parse("2026-03-28")).orElseThrow();
        Occurrence sunday = schedule.occurrenceOn(LocalDate.parse("2026-03-29")).orElseThrow();

        assertThat(saturday.closes()).isEqualTo(sunday.opens());
        assertThat(schedule.pinnedTo(LocalDate.parse("2026-03-28")).occurrenceOn(LocalDate.parse("2026-03-28")))
                .contains(saturday);
    }

    @Test
    void zoneThatSkippedWholeDateHasNoOccurrenceThatDay() {
        WindowSchedule schedule = WindowSchedule.of(window("Pacific/Apia", "08:00", "17:00"));

        assertThat(schedule.occurrenceOn(LocalDate.parse("2011-12-30"))).isEmpty();
        assertThat(schedule.occurrenceOn(LocalDate.parse("2011-12-31"))).isPresent();
    }

    /** Counts how often the window opens between two instants, checking every minute. */
    static int countOpenings(WindowSchedule schedule, Instant from, Instant to) {
        int openings = 0;
        boolean wasActive = schedule.positionAt(from).active();
        for (Instant at = from.plus(1, ChronoUnit.MINUTES); at.isBefore(to); at = at.plus(1, ChronoUnit.MINUTES)) {
            boolean active = schedule.positionAt(at).active();
            if (active && !wasActive) {
                openings++;
            }
            wasActive = active;
        }
        return openings;
    }
}
