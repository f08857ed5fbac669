package io.dishtayantra.runtime.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DagViewsWindowTest {

    private static Dag withWindow(TimeWindowSpec window) {
        Dag dag = new Dag();
        DagSpec spec = new DagSpec();
        spec.setTimeWindow(window);
        dag.setSpec(spec);
        return dag;
    }

    private static TimeWindowSpec session() {
        TimeWindowSpec window = new TimeWindowSpec();
        window.setTimeZone("Europe/London");
        window.setStart("08:00");
        window.setEnd("16:30");
        return window;
    }

    @Test
    void windowStateOpenAndClosed() {
        Dag dag = withWindow(session());

        assertThat(DagViews.windowState(dag, Instant.parse("2026-12-07T09:00:00Z")))
                .isEqualTo("Active until 16:30 Europe/London");
        assertThat(DagViews.windowState(dag, Instant.parse("2026-12-07T07:00:00Z")))
                .startsWith("Before");
    }

    @Test
    void windowStateNullWithoutWindow() {
        assertThat(DagViews.windowState(withWindow(null), Instant.parse("2026-12-07T09:00:00Z"))).isNull();
    }

    @Test
    void windowStateNullForInvalidWindow() {
        TimeWindowSpec broken = session();
        broken.setTimeZone("Mars/Olympus");

        assertThat(DagViews.windowState(withWindow(broken), Instant.parse("2026-12-07T09:00:00Z"))).isNull();
    }
}
