package io.dishtayantra.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ElectedWindowGateTest {

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static Dag relay(String name) {
        return (Dag) new ManifestLoader().parse("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/%s-in"}]
                  publishers: [{name: out, uri: "mem://queue/%s-out"}]
                  nodes:
                    - {name: read, type: Subscription, subscriber: in}
                    - {name: write, type: Publication, publishers: [out]}
                  edges: [{from: read, to: write}]
                """.formatted(name, name, name), Path.of("relay.yaml")).get(0).resource();
    }

    private static WindowSchedule londonSession() {
        TimeWindowSpec spec = new TimeWindowSpec();
        spec.setTimeZone("Europe/London");
        spec.setStart("08:00");
        spec.setEnd("16:30");
        return WindowSchedule.of(spec);
    }

    @Test
    void gateSuspendsOutsideAndResumesInside() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-07T17:00:00Z"));
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance dag = engine.deploy(relay("gate-a"), Path.of("."));
            dag.start();
            try (ElectedWindowGate gate = ElectedWindowGate.start(engine, Map.of("gate-a", londonSession()), clock,
                    () -> false, Duration.ofHours(1))) {
                gate.tick();
                assertThat(dag.state()).isEqualTo(DagState.SUSPENDED);

                clock.set(Instant.parse("2026-12-08T08:00:00Z"));
                gate.tick();
                assertThat(dag.state()).isEqualTo(DagState.RUNNING);
            }
        }
    }

    @Test
    void gateKeepsSpecSuspendWhenWindowOpens() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-07T07:00:00Z"));
        AtomicBoolean suspendRequested = new AtomicBoolean(true);
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance dag = engine.deploy(relay("gate-b"), Path.of("."));
            dag.start();
            try (ElectedWindowGate gate = ElectedWindowGate.start(engine, Map.of("gate-b", londonSession()), clock,
                    suspendRequested::get, Duration.ofHours(1))) {
                gate.tick();
                clock.set(Instant.parse("2026-12-07T09:00:00Z"));
                gate.tick();
                assertThat(dag.state()).isEqualTo(DagState.SUSPENDED);

                suspendRequested.set(false);
                gate.tick();
                assertThat(dag.state()).isEqualTo(DagState.RUNNING);
            }
        }
    }

    @Test
    void gateLeavesOtherSuspensionsAlone() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-07T09:00:00Z"));
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance dag = engine.deploy(relay("gate-c"), Path.of("."));
            dag.start();
            dag.suspend();
            try (ElectedWindowGate gate = ElectedWindowGate.start(engine, Map.of("gate-c", londonSession()), clock,
                    () -> false, Duration.ofHours(1))) {
                gate.tick();
                assertThat(dag.state()).isEqualTo(DagState.SUSPENDED);
            }
        }
    }
}
