package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonClock;
import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static io.dishtayantra.operator.window.WindowFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.window.RunMode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DagWindowResolverTest {

    private static TimeWindow timeWindow(TimeWindowSpec spec) {
        TimeWindow window = new TimeWindow();
        window.setMetadata(new ObjectMetaBuilder().withName("london-session").withNamespace("fx").build());
        window.setSpec(spec);
        return window;
    }

    private static TimeWindowSpec withoutClones() {
        TimeWindowSpec spec = londonSession();
        spec.setAutoClone(null);
        return spec;
    }

    private static Instant at(String localDateTime) {
        return londonClock(localDateTime).instant();
    }

    @Test
    void missingTimeWindowIsConditionAndWait() {
        Dag dag = template("fx", "trades");

        DagWindowView view = DagWindowResolver.resolve(dag, name -> null, at("2026-12-07T09:00"));

        assertThat(view.inWindow().getType()).isEqualTo("InWindow");
        assertThat(view.inWindow().getStatus()).isEqualTo("False");
        assertThat(view.inWindow().getReason()).isEqualTo(DagWindowResolver.NOT_FOUND);
        assertThat(view.inWindow().getMessage()).contains("london-session").contains("fx").contains("waits");
        assertThat(view.mode()).isEqualTo(RunMode.STOPPED);
        assertThat(view.runsPods()).isFalse();
        assertThat(view.column()).isEqualTo("Waiting for TimeWindow london-session");
    }

    @Test
    void activeWindowRunsDag() {
        Dag dag = template("fx", "trades");
        TimeWindow window = timeWindow(withoutClones());

        DagWindowView view = DagWindowResolver.resolve(dag, Map.of("london-session", window)::get,
                at("2026-12-07T09:00"));

        assertThat(view.inWindow().getStatus()).isEqualTo("True");
        assertThat(view.inWindow().getReason()).isEqualTo("Active");
        assertThat(view.column()).isEqualTo("Active until 16:30 Europe/London");
        assertThat(view.mode()).isEqualTo(RunMode.RUNNING);
        assertThat(view.runsPods()).isTrue();
        assertThat(view.nextCheck()).contains(at("2026-12-07T16:30"));
    }

    @Test
    void stopOutsideScalesToZero() {
        TimeWindowSpec spec = withoutClones();
        spec.setOutside("Stop");
        spec.setWarmUp("2m");
        Map<String, TimeWindow> windows = Map.of("london-session", timeWindow(spec));
        Dag dag = template("fx", "trades");

        DagWindowView night = DagWindowResolver.resolve(dag, windows::get, at("2026-12-07T20:00"));
        DagWindowView warmUp = DagWindowResolver.resolve(dag, windows::get, at("2026-12-08T07:59"));

        assertThat(night.runsPods()).isFalse();
        assertThat(night.inWindow().getReason()).isEqualTo("After");
        assertThat(night.nextCheck()).contains(at("2026-12-08T00:00"));
        assertThat(warmUp.runsPods()).isTrue();
        assertThat(warmUp.mode()).isEqualTo(RunMode.SUSPENDED);
    }

    @Test
    void suspendOutsideWindowKeepsPods() {
        Dag dag = template("fx", "trades");

        DagWindowView view = DagWindowResolver.resolve(dag, Map.of("london-session", timeWindow(withoutClones()))::get,
                at("2026-12-12T09:00"));

        assertThat(view.inWindow().getReason()).isEqualTo("Excluded");
        assertThat(view.mode()).isEqualTo(RunMode.SUSPENDED);
        assertThat(view.runsPods()).isTrue();
    }

    @Test
    void templateRunsNoPods() {
        Dag dag = template("fx", "trades");

        DagWindowView view = DagWindowResolver.resolve(dag, Map.of("london-session", timeWindow(londonSession()))::get,
                at("2026-12-07T09:00"));

        assertThat(view.template()).isTrue();
        assertThat(view.runsPods()).isFalse();
        assertThat(view.column()).startsWith("Template: Active");
    }

    @Test
    void cloneRunsOnlyItsDate() {
        Dag clone = CloneFactory.cloneOf(template("fx", "trades"), java.time.LocalDate.parse("2026-12-08"));
        Map<String, TimeWindow> windows = Map.of("london-session", timeWindow(londonSession()));

        DagWindowView today = DagWindowResolver.resolve(clone, windows::get, at("2026-12-07T09:00"));
        DagWindowView itsDay = DagWindowResolver.resolve(clone, windows::get, at("2026-12-08T09:00"));

        assertThat(today.template()).isFalse();
        assertThat(today.inWindow().getReason()).isEqualTo("Before");
        assertThat(itsDay.inWindow().getReason()).isEqualTo("Active");
        assertThat(itsDay.runsPods()).isTrue();
    }

    @Test
    void invalidWindowIsConditionAndWait() {
        TimeWindowSpec spec = withoutClones();
        spec.setTimeZone("London");
        Dag dag = template("fx", "trades");

        DagWindowView view = DagWindowResolver.resolve(dag, Map.of("london-session", timeWindow(spec))::get,
                at("2026-12-07T09:00"));

        assertThat(view.inWindow().getReason()).isEqualTo(DagWindowResolver.INVALID);
        assertThat(view.inWindow().getMessage()).contains("spec.timeZone (London)");
        assertThat(view.runsPods()).isFalse();
    }

    @Test
    void noWindowAlwaysRuns() {
        Dag dag = template("fx", "trades");
        dag.getSpec().setTimeWindowRef(null);

        DagWindowView view = DagWindowResolver.resolve(dag, name -> null, at("2026-12-07T09:00"));

        assertThat(view.inWindow().getStatus()).isEqualTo("True");
        assertThat(view.inWindow().getReason()).isEqualTo(DagWindowResolver.NO_WINDOW);
        assertThat(view.runsPods()).isTrue();
        assertThat(view.nextCheck()).isEmpty();
    }
}
