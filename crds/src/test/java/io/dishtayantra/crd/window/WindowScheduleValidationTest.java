package io.dishtayantra.crd.window;

import static io.dishtayantra.crd.window.WindowSpecs.londonSession;
import static io.dishtayantra.crd.window.WindowSpecs.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.crd.v1alpha1.AutoCloneSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowScheduleValidationTest {

    private static List<String> paths(TimeWindowSpec spec) {
        return WindowSchedule.validate(spec, "spec.timeWindow").stream().map(ValidationProblem::path).toList();
    }

    @Test
    void sessionIsValid() {
        assertThat(WindowSchedule.validate(londonSession(), "spec")).isEmpty();
    }

    @Test
    void missingSpecIsOneProblem() {
        assertThat(WindowSchedule.validate(null, "spec.timeWindow"))
                .extracting(ValidationProblem::path)
                .containsExactly("spec.timeWindow");
    }

    @Test
    void zoneIsRequired() {
        assertThat(paths(window(null, "08:00", "16:00"))).containsExactly("spec.timeWindow.timeZone");
    }

    @Test
    void zoneMustBeIanaName() {
        assertThat(paths(window("Mars/Olympus", "08:00", "16:00"))).containsExactly("spec.timeWindow.timeZone");
        assertThat(paths(window("+01:00", "08:00", "16:00"))).containsExactly("spec.timeWindow.timeZone");
        assertThat(paths(window("EST", "08:00", "16:00"))).containsExactly("spec.timeWindow.timeZone");
        assertThat(paths(window("UTC", "08:00", "16:00"))).isEmpty();
    }

    @Test
    void startIsRequiredAsClockTime() {
        assertThat(paths(window("UTC", null, "16:00"))).containsExactly("spec.timeWindow.start");
        assertThat(paths(window("UTC", "8:00", "16:00"))).containsExactly("spec.timeWindow.start");
        assertThat(paths(window("UTC", "24:00", "16:00"))).containsExactly("spec.timeWindow.start");
        assertThat(paths(window("UTC", "0800", "16:00"))).containsExactly("spec.timeWindow.start");
    }

    @Test
    void endOrDurationIsRequired() {
        List<ValidationProblem> problems = WindowSchedule.validate(window("UTC", "08:00", null), "spec");

        assertThat(problems).extracting(ValidationProblem::path).containsExactly("spec.end");
        assertThat(problems.getFirst().message()).contains("end").contains("duration");
    }

    @Test
    void endAndDurationTogetherAreRejected() {
        TimeWindowSpec spec = window("UTC", "08:00", "16:00");
        spec.setDuration("8h");

        assertThat(paths(spec)).containsExactly("spec.timeWindow.duration");
    }

    @Test
    void endEqualToStartIsRejected() {
        assertThat(paths(window("UTC", "08:00", "08:00"))).containsExactly("spec.timeWindow.end");
    }

    @Test
    void endMustBeClockTime() {
        assertThat(paths(window("UTC", "08:00", "16:60"))).containsExactly("spec.timeWindow.end");
    }

    @Test
    void durationMustBePositiveAndUnderADay() {
        for (String bad : List.of("0s", "24h", "30h", "eight hours", "-1h")) {
            TimeWindowSpec spec = window("UTC", "08:00", null);
            spec.setDuration(bad);
            assertThat(paths(spec)).as(bad).containsExactly("spec.timeWindow.duration");
        }
        TimeWindowSpec spec = window("UTC", "08:00", null);
        spec.setDuration("23h59m");
        assertThat(paths(spec)).isEmpty();
    }

    @Test
    void daysMustBeWeekdayNames() {
        TimeWindowSpec spec = window("UTC", "08:00", "16:00", "Mon", "Funday", "sat", "Sunday");

        List<ValidationProblem> problems = WindowSchedule.validate(spec, "spec");

        assertThat(problems).extracting(ValidationProblem::path).containsExactly("spec.days[1]");
        assertThat(problems.getFirst().value()).isEqualTo("Funday");
        assertThat(problems.getFirst().message()).contains("Mon, Tue, Wed, Thu, Fri, Sat, Sun");
        assertThat(WindowSchedule.of(window("UTC", "08:00", "16:00", "Mon", "sat", "Sunday")).days())
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    @Test
    void excludeDatesMustBeIsoDates() {
        TimeWindowSpec spec = window("UTC", "08:00", "16:00");
        spec.setExcludeDates(List.of("2026-12-25", "25/12/2026", "2026-02-30"));

        assertThat(paths(spec)).containsExactly("spec.timeWindow.excludeDates[1]", "spec.timeWindow.excludeDates[2]");
    }

    @Test
    void outsideMustBeSuspendOrStop() {
        TimeWindowSpec spec = window("UTC", "08:00", "16:00");
        spec.setOutside("Pause");

        assertThat(paths(spec)).containsExactly("spec.timeWindow.outside");
    }

    @Test
    void warmUpOnlyWithStop() {
        TimeWindowSpec suspend = window("UTC", "08:00", "16:00");
        suspend.setWarmUp("2m");
        TimeWindowSpec defaultOutside = window("UTC", "08:00", "16:00");
        defaultOutside.setOutside("Suspend");
        defaultOutside.setWarmUp("2m");
        TimeWindowSpec stop = window("UTC", "08:00", "16:00");
        stop.setOutside("Stop");
        stop.setWarmUp("2m");

        assertThat(paths(suspend)).containsExactly("spec.timeWindow.warmUp");
        assertThat(paths(defaultOutside)).containsExactly("spec.timeWindow.warmUp");
        assertThat(paths(stop)).isEmpty();
        assertThat(WindowSchedule.of(stop).warmUp()).contains(Duration.ofMinutes(2));
    }

    @Test
    void warmUpMustBeDuration() {
        TimeWindowSpec spec = window("UTC", "08:00", "16:00");
        spec.setOutside("Stop");
        spec.setWarmUp("soon");

        assertThat(paths(spec)).containsExactly("spec.timeWindow.warmUp");
    }

    @Test
    void autoCloneFieldsAreChecked() {
        TimeWindowSpec spec = window("UTC", "08:00", "16:00");
        AutoCloneSpec autoClone = new AutoCloneSpec();
        autoClone.setEnabled(true);
        autoClone.setBefore("half an hour");
        autoClone.setKeep(0);
        spec.setAutoClone(autoClone);

        assertThat(paths(spec)).containsExactly("spec.timeWindow.autoClone.before", "spec.timeWindow.autoClone.keep");
    }

    @Test
    void autoCloneDefaults() {
        TimeWindowSpec spec = window("UTC", "08:00", "16:00");
        AutoCloneSpec autoClone = new AutoCloneSpec();
        autoClone.setEnabled(true);
        spec.setAutoClone(autoClone);

        CloneSettings settings = WindowSchedule.of(spec).cloneSettings();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.before()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.keep()).isEqualTo(3);
        assertThat(WindowSchedule.of(window("UTC", "08:00", "16:00")).cloneSettings().enabled()).isFalse();
    }

    @Test
    void ofThrowsWithEveryProblem() {
        TimeWindowSpec spec = window("Nowhere/City", "8am", null);

        assertThatThrownBy(() -> WindowSchedule.of(spec))
                .isInstanceOf(InvalidWindowException.class)
                .hasMessageContaining("spec.timeZone (Nowhere/City)")
                .hasMessageContaining("spec.start (8am)")
                .hasMessageContaining("spec.end")
                .satisfies(e -> assertThat(((InvalidWindowException) e).problems()).hasSize(3));
    }
}
