package io.dishtayantra.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.window.RunMode;
import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.crd.window.WindowState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Runs the controller on its real scheduler with a clock shifted so that a window boundary is a
 * second or two away in real time.
 */
class WindowControllerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A target that records each mode it is brought into, with the controller clock's instant. */
    private record Change(RunMode mode, Instant at) {
    }

    private static Clock clockAt(String localDateTime) {
        Instant target = ZonedDateTime.of(LocalDateTime.parse(localDateTime), LONDON).toInstant();
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
    }

    private static Instant london(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), LONDON).toInstant();
    }

    private static TimeWindowSpec session(String outside, String warmUp) {
        TimeWindowSpec spec = new TimeWindowSpec();
        spec.setTimeZone("Europe/London");
        spec.setStart("08:00");
        spec.setEnd("16:30");
        spec.setOutside(outside);
        spec.setWarmUp(warmUp);
        return spec;
    }

    @Test
    void opensAtBoundary() {
        Clock clock = clockAt("2026-12-07T07:59:58.500");
        List<Change> changes = new CopyOnWriteArrayList<>();
        try (WindowController controller = new WindowController("fx/quotes", WindowSchedule.of(session(null, null)),
                mode -> changes.add(new Change(mode, clock.instant())), clock)) {
            controller.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> changes.size() == 2);

            assertThat(changes.get(0).mode()).isEqualTo(RunMode.SUSPENDED);
            assertThat(changes.get(1).mode()).isEqualTo(RunMode.RUNNING);
            assertThat(changes.get(1).at()).isAfterOrEqualTo(london("2026-12-07T08:00"));
            assertThat(controller.position().orElseThrow().state()).isEqualTo(WindowState.ACTIVE);
        }
    }

    @Test
    void closesAtBoundary() {
        Clock clock = clockAt("2026-12-07T16:29:58.500");
        List<Change> changes = new CopyOnWriteArrayList<>();
        try (WindowController controller = new WindowController("fx/quotes", WindowSchedule.of(session(null, null)),
                mode -> changes.add(new Change(mode, clock.instant())), clock)) {
            controller.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> changes.size() == 2);

            assertThat(changes.get(0).mode()).isEqualTo(RunMode.RUNNING);
            assertThat(changes.get(1).mode()).isEqualTo(RunMode.SUSPENDED);
            assertThat(changes.get(1).at()).isAfterOrEqualTo(london("2026-12-07T16:30"));
        }
    }

    @Test
    void midWindowRunsAtOnce() {
        Clock clock = clockAt("2026-12-07T12:00");
        List<Change> changes = new CopyOnWriteArrayList<>();
        try (WindowController controller = new WindowController("fx/quotes", WindowSchedule.of(session(null, null)),
                mode -> changes.add(new Change(mode, clock.instant())), clock)) {
            controller.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> !changes.isEmpty());

            assertThat(changes).extracting(Change::mode).containsExactly(RunMode.RUNNING);
        }
    }

    @Test
    void stopOutsideStaysStoppedUntilWarmUp() {
        Clock clock = clockAt("2026-12-07T07:57:58.500");
        List<Change> changes = new CopyOnWriteArrayList<>();
        try (WindowController controller = new WindowController("fx/quotes", WindowSchedule.of(session("Stop", "2m")),
                mode -> changes.add(new Change(mode, clock.instant())), clock)) {
            controller.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> !changes.isEmpty());

            assertThat(changes.getFirst().mode()).isEqualTo(RunMode.SUSPENDED);
            assertThat(changes.getFirst().at()).isAfterOrEqualTo(london("2026-12-07T07:58"));
            assertThat(controller.position().orElseThrow().warmingUp()).isTrue();
        }
    }

    @Test
    void warmUpThenRunAtOpening() {
        Clock clock = clockAt("2026-12-07T07:59:58.500");
        List<Change> changes = new CopyOnWriteArrayList<>();
        try (WindowController controller = new WindowController("fx/quotes", WindowSchedule.of(session("Stop", "2m")),
                mode -> changes.add(new Change(mode, clock.instant())), clock)) {
            controller.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> changes.size() == 2);

            assertThat(changes).extracting(Change::mode).containsExactly(RunMode.SUSPENDED, RunMode.RUNNING);
        }
    }

    @Test
    void updateAppliesNewWindowAtOnce() {
        Clock clock = clockAt("2026-12-07T12:00");
        List<Change> changes = new CopyOnWriteArrayList<>();
        try (WindowController controller = new WindowController("fx/quotes", WindowSchedule.of(session(null, null)),
                mode -> changes.add(new Change(mode, clock.instant())), clock)) {
            controller.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.size() == 1);

            TimeWindowSpec evening = session("Stop", null);
            evening.setStart("18:00");
            evening.setEnd("22:00");
            controller.update(WindowSchedule.of(evening));

            await().atMost(Duration.ofSeconds(10)).until(() -> changes.size() == 2);
            assertThat(changes).extracting(Change::mode).containsExactly(RunMode.RUNNING, RunMode.STOPPED);
            assertThat(controller.position().orElseThrow().state()).isEqualTo(WindowState.BEFORE);
        }
    }

    @Test
    void failedChangeIsRetried() {
        Clock clock = clockAt("2026-12-07T12:00");
        AtomicInteger attempts = new AtomicInteger();
        List<RunMode> applied = new CopyOnWriteArrayList<>();
        try (WindowController controller = new WindowController("fx/quotes", WindowSchedule.of(session(null, null)),
                mode -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("subscriber not connected");
                    }
                    applied.add(mode);
                }, clock, Duration.ofMillis(200))) {
            controller.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> !applied.isEmpty());

            assertThat(applied).containsExactly(RunMode.RUNNING);
            assertThat(controller.failures()).isEqualTo(1);
        }
    }
}
