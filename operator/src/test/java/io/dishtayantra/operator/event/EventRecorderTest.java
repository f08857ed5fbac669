package io.dishtayantra.operator.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.MockCluster;
import io.dishtayantra.operator.TestDags;
import io.fabric8.kubernetes.api.model.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** De-duplication of Kubernetes Events by DAG, reason and message. */
class EventRecorderTest {

    private static MockCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new MockCluster();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void repeatWithinQuietPeriodDropped() {
        String namespace = MockCluster.uniqueNamespace("events");
        Dag dag = cluster.client().resource(TestDags.quoteCleaner(namespace, "noisy")).create();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        Counter suppressed = new SimpleMeterRegistry().counter("suppressed");
        EventRecorder recorder = new EventRecorder(cluster.client(), clock, Duration.ofMinutes(10), "test", suppressed);

        assertThat(recorder.record(dag, EventReason.InvalidSpec, "spec.nodes: missing")).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(recorder.record(dag, EventReason.InvalidSpec, "spec.nodes: missing")).isFalse();
        assertThat(recorder.record(dag, EventReason.InvalidSpec, "spec.edges: cycle")).isTrue();
        clock.advance(Duration.ofMinutes(6));
        assertThat(recorder.record(dag, EventReason.InvalidSpec, "spec.nodes: missing")).isTrue();

        List<Event> events = cluster.client().v1().events().inNamespace(namespace).list().getItems();
        assertThat(events).hasSize(2);
        Event repeated = events.stream().filter(e -> e.getMessage().equals("spec.nodes: missing")).findFirst().orElseThrow();
        assertThat(repeated.getCount()).isEqualTo(2);
        assertThat(repeated.getType()).isEqualTo("Warning");
        assertThat(repeated.getLastTimestamp()).isEqualTo("2026-01-05T09:11:00Z");
        assertThat(suppressed.count()).isEqualTo(1.0);
    }

    @Test
    void forgetAllowsImmediateRepeat() {
        String namespace = MockCluster.uniqueNamespace("events");
        Dag dag = cluster.client().resource(TestDags.quoteCleaner(namespace, "recreated")).create();
        Counter suppressed = new SimpleMeterRegistry().counter("suppressed");
        EventRecorder recorder = new EventRecorder(cluster.client(), Clock.systemUTC(), Duration.ofMinutes(10), "test",
                suppressed);

        assertThat(recorder.record(dag, EventReason.Deployed, "created")).isTrue();
        recorder.forget(dag.getMetadata().getUid());

        assertThat(recorder.record(dag, EventReason.Deployed, "created")).isTrue();
        assertThat(suppressed.count()).isZero();
    }

    /** A clock the test moves forward by hand. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
