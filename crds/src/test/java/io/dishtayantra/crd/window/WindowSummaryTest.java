package io.dishtayantra.crd.window;

import static io.dishtayantra.crd.window.WindowSpecs.londonSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WindowSummaryTest {

    private final WindowSchedule session = WindowSchedule.of(londonSession());

    private String describe(WindowSchedule schedule, String instant) {
        return WindowSummary.describe(schedule, schedule.positionAt(Instant.parse(instant)));
    }

    @Test
    void activeShowsClosingTime() {
        assertThat(describe(session, "2026-12-07T10:00:00Z")).isEqualTo("Active until 16:30 Europe/London");
    }

    @Test
    void beforeShowsOpeningTime() {
        assertThat(describe(session, "2026-12-07T07:00:00Z")).isEqualTo("Before, opens 08:00 Europe/London");
    }

    @Test
    void otherDayShowsDate() {
        assertThat(describe(session, "2026-12-12T10:00:00Z"))
                .isEqualTo("Excluded, opens Mon 2026-12-14 08:00 Europe/London");
    }

    @Test
    void finishedCloneShowsStateOnly() {
        WindowSchedule clone = session.pinnedTo(LocalDate.parse("2026-12-07"));

        assertThat(describe(clone, "2026-12-08T10:00:00Z")).isEqualTo("After");
    }
}
