package io.dishtayantra.operator.window;

import static io.dishtayantra.operator.window.WindowFixtures.londonClock;
import static io.dishtayantra.operator.window.WindowFixtures.londonSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class TimeWindowStatusBuilderTest {

    private static TimeWindow timeWindow(TimeWindowSpec spec) {
        TimeWindow window = new TimeWindow();
        window.setMetadata(new ObjectMetaBuilder().withName("london-session").withGeneration(4L).build());
        window.setSpec(spec);
        return window;
    }

    @Test
    void validWindowReportsStateAndNextTransition() {
        TimeWindowStatus status = TimeWindowStatusBuilder.build(timeWindow(londonSession()), 2,
                londonClock("2026-12-07T09:00").instant());

        assertThat(status.getState()).isEqualTo("Active");
        assertThat(status.getNextTransition()).isEqualTo("2026-12-07T16:30:00Z");
        assertThat(status.getDags()).isEqualTo(2);
        assertThat(status.getObservedGeneration()).isEqualTo(4L);
        assertThat(status.getConditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getType()).isEqualTo("Valid");
            assertThat(condition.getStatus()).isEqualTo("True");
        });
    }

    @Test
    void invalidWindowReportsProblems() {
        TimeWindowSpec spec = londonSession();
        spec.setStart("8");

        TimeWindowStatus status = TimeWindowStatusBuilder.build(timeWindow(spec), 0,
                londonClock("2026-12-07T09:00").instant());

        assertThat(status.getState()).isNull();
        assertThat(status.getConditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getStatus()).isEqualTo("False");
            assertThat(condition.getMessage()).contains("spec.start (8)");
        });
    }
}
