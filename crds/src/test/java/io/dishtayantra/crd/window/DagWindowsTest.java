package io.dishtayantra.crd.window;

import static io.dishtayantra.crd.window.WindowSpecs.londonSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.crd.v1alpha1.AutoCloneSpec;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DagWindowsTest {

    @Test
    void noWindowMeansAlwaysRuns() {
        assertThat(DagWindows.scheduleFor(new DagSpec(), null)).isEmpty();
        assertThat(DagWindows.validate(new DagSpec())).isEmpty();
    }

    @Test
    void embeddedWindowIsUsed() {
        DagSpec spec = new DagSpec();
        spec.setTimeWindow(londonSession());

        WindowSchedule schedule = DagWindows.scheduleFor(spec, null).orElseThrow();

        assertThat(schedule.zone().getId()).isEqualTo("Europe/London");
        assertThat(schedule.pinnedDate()).isEmpty();
    }

    @Test
    void referenceWinsOverEmbeddedWindow() {
        DagSpec spec = new DagSpec();
        spec.setTimeWindow(londonSession());
        spec.setTimeWindowRef("new-york");
        TimeWindowSpec referenced = WindowSpecs.window("America/New_York", "09:30", "16:00");

        WindowSchedule schedule = DagWindows.scheduleFor(spec, referenced).orElseThrow();

        assertThat(schedule.zone().getId()).isEqualTo("America/New_York");
    }

    @Test
    void missingReferencedWindowIsNamed() {
        DagSpec spec = new DagSpec();
        spec.setTimeWindowRef("london-session");

        assertThatThrownBy(() -> DagWindows.scheduleFor(spec, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("london-session")
                .hasMessageContaining("not found");
    }

    @Test
    void windowDatePinsSchedule() {
        DagSpec spec = new DagSpec();
        spec.setTimeWindow(londonSession());
        spec.setWindowDate("2026-12-08");

        WindowSchedule schedule = DagWindows.scheduleFor(spec, null).orElseThrow();

        assertThat(schedule.pinnedDate()).contains(LocalDate.parse("2026-12-08"));
        assertThat(schedule.positionAt(Instant.parse("2026-12-07T12:00:00Z")).state()).isEqualTo(WindowState.BEFORE);
    }

    @Test
    void embeddedWindowProblemsUseDagPaths() {
        DagSpec spec = new DagSpec();
        TimeWindowSpec window = londonSession();
        window.setStart("8am");
        spec.setTimeWindow(window);

        assertThat(DagWindows.validate(spec)).extracting(ValidationProblem::path).containsExactly("spec.timeWindow.start");
    }

    @Test
    void embeddedWindowIgnoredWithReference() {
        DagSpec spec = new DagSpec();
        TimeWindowSpec window = londonSession();
        window.setStart("8am");
        spec.setTimeWindow(window);
        spec.setTimeWindowRef("london-session");

        assertThat(DagWindows.validate(spec)).isEmpty();
    }

    @Test
    void windowDateMustBeDateWithWindow() {
        DagSpec bad = new DagSpec();
        bad.setTimeWindow(londonSession());
        bad.setWindowDate("20261208");
        DagSpec noWindow = new DagSpec();
        noWindow.setWindowDate("2026-12-08");

        assertThat(DagWindows.validate(bad)).extracting(ValidationProblem::path).containsExactly("spec.windowDate");
        assertThat(DagWindows.validate(noWindow)).extracting(ValidationProblem::path).containsExactly("spec.windowDate");
        assertThatThrownBy(() -> DagWindows.scheduleFor(bad, null)).isInstanceOf(InvalidWindowException.class);
    }

    @Test
    void templateIsUnpinnedWithAutoClone() {
        TimeWindowSpec window = londonSession();
        AutoCloneSpec autoClone = new AutoCloneSpec();
        autoClone.setEnabled(true);
        window.setAutoClone(autoClone);
        DagSpec template = new DagSpec();
        template.setTimeWindow(window);
        DagSpec clone = new DagSpec();
        clone.setTimeWindow(window);
        clone.setWindowDate("2026-12-08");

        assertThat(DagWindows.isCloneTemplate(template, DagWindows.scheduleFor(template, null).orElseThrow())).isTrue();
        assertThat(DagWindows.isCloneTemplate(clone, DagWindows.scheduleFor(clone, null).orElseThrow())).isFalse();
    }
}
