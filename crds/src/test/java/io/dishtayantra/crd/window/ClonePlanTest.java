package io.dishtayantra.crd.window;

import static io.dishtayantra.crd.window.WindowSpecs.londonSession;
import static io.dishtayantra.crd.window.WindowSpecs.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.crd.v1alpha1.AutoCloneSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClonePlanTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Instant london(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), LONDON).toInstant();
    }

    private static TimeWindowSpec withClones(TimeWindowSpec spec, String before, Integer keep) {
        AutoCloneSpec autoClone = new AutoCloneSpec();
        autoClone.setEnabled(true);
        autoClone.setBefore(before);
        autoClone.setKeep(keep);
        spec.setAutoClone(autoClone);
        return spec;
    }

    private final ClonePlan session = new ClonePlan(WindowSchedule.of(withClones(londonSession(), "30m", 3)));

    private static List<LocalDate> dates(List<Occurrence> occurrences) {
        return occurrences.stream().map(Occurrence::date).toList();
    }

    @Test
    void cloneNameCarriesOccurrenceDate() {
        assertThat(ClonePlan.cloneName("trades", LocalDate.parse("2026-12-07"))).isEqualTo("trades-20261207");
    }

    @Test
    void cloneDateReadsOnlyOwnClones() {
        assertThat(ClonePlan.cloneDate("trades", "trades-20261207")).contains(LocalDate.parse("2026-12-07"));
        assertThat(ClonePlan.cloneDate("trades", "trades-eu-20261207")).isEmpty();
        assertThat(ClonePlan.cloneDate("trades", "trades-20261399")).isEmpty();
        assertThat(ClonePlan.cloneDate("trades", "other-20261207")).isEmpty();
    }

    @Test
    void beforeWindowOnlyNextIsDue() {
        assertThat(dates(session.dueAt(london("2026-12-07T07:00")))).containsExactly(LocalDate.parse("2026-12-07"));
    }

    @Test
    void activeWindowDueCurrentOnlyUntilBefore() {
        assertThat(dates(session.dueAt(london("2026-12-07T15:59")))).containsExactly(LocalDate.parse("2026-12-07"));
        assertThat(dates(session.dueAt(london("2026-12-07T16:00"))))
                .containsExactly(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08"));
    }

    @Test
    void followingCloneSkipsWeekendAndExcludedDates() {
        assertThat(dates(session.dueAt(london("2026-12-11T16:10"))))
                .containsExactly(LocalDate.parse("2026-12-11"), LocalDate.parse("2026-12-14"));
        assertThat(dates(session.dueAt(london("2026-12-24T16:10"))))
                .containsExactly(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-29"));
    }

    @Test
    void afterWindowNextIsDue() {
        assertThat(dates(session.dueAt(london("2026-12-12T10:00")))).containsExactly(LocalDate.parse("2026-12-14"));
    }

    @Test
    void cloneRunAddsFollowingWhileOpen() {
        assertThat(dates(session.forCloneRun(london("2026-12-07T15:59:30"))))
                .containsExactly(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-08"));
        assertThat(dates(session.forCloneRun(london("2026-12-07T07:00")))).containsExactly(LocalDate.parse("2026-12-07"));
    }

    @Test
    void retentionKeepsMostRecent() {
        List<LocalDate> existing = List.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"),
                LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-07"));

        List<LocalDate> deleted = session.toDelete(existing, london("2026-12-07T10:00"));

        assertThat(deleted).containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"));
    }

    @Test
    void retentionNeverDeletesCurrentOrUpcoming() {
        ClonePlan keepOne = new ClonePlan(WindowSchedule.of(withClones(londonSession(), "30m", 1)));
        List<LocalDate> existing = List.of(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-07"),
                LocalDate.parse("2026-12-08"));

        List<LocalDate> deleted = keepOne.toDelete(existing, london("2026-12-07T16:10"));

        assertThat(deleted).containsExactly(LocalDate.parse("2026-12-04"));
    }

    @Test
    void cronFiresBeforeClose() {
        CronSchedule cron = session.cronSchedule();

        assertThat(cron.expression()).isEqualTo("0 16 * * 1,2,3,4,5");
        assertThat(cron.timeZone()).isEqualTo("Europe/London");
    }

    @Test
    void cronShiftsDaysAfterMidnight() {
        ClonePlan night = new ClonePlan(WindowSchedule.of(withClones(
                window("America/New_York", "22:00", "06:00", "Mon", "Tue", "Wed", "Thu", "Fri"), "30m", 3)));

        assertThat(night.cronSchedule().expression()).isEqualTo("30 5 * * 2,3,4,5,6");
    }

    @Test
    void cronWrapsSaturdayToSunday() {
        ClonePlan night = new ClonePlan(WindowSchedule.of(withClones(
                window("UTC", "23:00", "01:00", "Sat"), "15m", 3)));

        assertThat(night.cronSchedule().expression()).isEqualTo("45 0 * * 0");
    }

    @Test
    void cronEveryDayUsesStar() {
        ClonePlan daily = new ClonePlan(WindowSchedule.of(withClones(
                WindowSpecs.windowWithDuration("UTC", "09:00", "8h", new String[0]), "1h", 3)));

        assertThat(daily.cronSchedule().expression()).isEqualTo("0 16 * * *");
    }

    @Test
    void cronBeforeLongerThanWindowFiresDayBefore() {
        ClonePlan early = new ClonePlan(WindowSchedule.of(withClones(
                window("UTC", "01:00", "02:00", "Mon"), "3h", 3)));

        assertThat(early.cronSchedule().expression()).isEqualTo("0 23 * * 0");
    }

    @Test
    void pinnedScheduleHasNoClonePlan() {
        WindowSchedule pinned = WindowSchedule.of(londonSession()).pinnedTo(LocalDate.parse("2026-12-07"));

        assertThatThrownBy(() -> new ClonePlan(pinned)).hasMessageContaining("2026-12-07");
    }
}
