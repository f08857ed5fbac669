package io.dishtayantra.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.runtime.connector.mem.MemBroker;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drives a real engine DAG that reads one mem queue and writes another through its window. The
 * controller's clock is the real clock shifted to a second or two before a boundary.
 */
class DagWindowTargetTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(2)));
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
        engine.shutdown();
    }

    private static Clock clockAt(String localDateTime) {
        Instant target = ZonedDateTime.of(LocalDateTime.parse(localDateTime), LONDON).toInstant();
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
    }

    private static TimeWindowSpec window(String start, String end, String outside, String warmUp) {
        TimeWindowSpec spec = new TimeWindowSpec();
        spec.setTimeZone("Europe/London");
        spec.setStart(start);
        spec.setEnd(end);
        spec.setOutside(outside);
        spec.setWarmUp(warmUp);
        return spec;
    }

    private static Dag relay(String name, boolean suspend) {
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: NAME}
                spec:
                  suspend: SUSPEND
                  subscribers: [{name: in, uri: "mem://queue/NAME-in"}]
                  publishers: [{name: out, uri: "mem://queue/NAME-out"}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """.replace("NAME", name).replace("SUSPEND", String.valueOf(suspend));
        return (Dag) new ManifestLoader().parse(yaml, Path.of(name + ".yaml")).getFirst().resource();
    }

    private static List<Map<String, Object>> events(int from, int to) {
        return IntStream.range(from, to).<Map<String, Object>>mapToObj(i -> Map.of("seq", i)).toList();
    }

    private WindowController follow(Dag dag, TimeWindowSpec window, Clock clock) {
        WindowController controller = new WindowController(dag.getMetadata().getName(), WindowSchedule.of(window),
                new DagWindowTarget(engine, dag, Path.of(".")), clock);
        closeables.add(controller);
        controller.start();
        return controller;
    }

    private DagState state(String name) {
        return engine.get(name).map(DagInstance::state).orElse(null);
    }

    private MemQueues.Collector collect(String uri) throws Exception {
        MemQueues.Collector collector = MemQueues.collect(uri);
        closeables.add(collector);
        return collector;
    }

    @Test
    void suspendsAtCloseAndResumesWithNothingLost() throws Exception {
        Dag dag = relay("session", false);
        MemQueues.Collector out = collect("mem://queue/session-out");
        WindowController controller = follow(dag, window("08:00", "16:30", null, null), clockAt("2026-12-07T16:29:50"));

        await().atMost(Duration.ofSeconds(10)).until(() -> state("session") == DagState.RUNNING);
        MemQueues.publish("mem://queue/session-in", events(0, 100));
        await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 100);

        await().atMost(Duration.ofSeconds(20)).until(() -> state("session") == DagState.SUSPENDED);
        MemQueues.publish("mem://queue/session-in", events(100, 200));
        await().atMost(Duration.ofSeconds(10)).until(() -> MemBroker.shared().queueDepth("session-in") == 100);
        assertThat(out.events()).hasSize(100);

        controller.update(WindowSchedule.of(window("16:00", "23:00", null, null)));

        await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 200);
        assertThat(state("session")).isEqualTo(DagState.RUNNING);
        assertThat(out.events()).extracting(event -> ((Number) event.get("seq")).intValue())
                .containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void opensAtBoundaryAndDeliversWaitingEvents() throws Exception {
        Dag dag = relay("morning", false);
        MemQueues.Collector out = collect("mem://queue/morning-out");
        follow(dag, window("08:00", "16:30", null, null), clockAt("2026-12-07T07:59:58.500"));

        await().atMost(Duration.ofSeconds(10)).until(() -> state("morning") == DagState.SUSPENDED);
        MemQueues.publish("mem://queue/morning-in", events(0, 50));

        await().atMost(Duration.ofSeconds(20)).until(() -> out.events().size() == 50);
        assertThat(state("morning")).isEqualTo(DagState.RUNNING);
    }

    @Test
    void stopOutsideRestartsFreshInstance() throws Exception {
        Dag dag = relay("stopper", false);
        MemQueues.Collector out = collect("mem://queue/stopper-out");
        WindowController controller = follow(dag, window("08:00", "16:30", "Stop", null),
                clockAt("2026-12-07T16:29:50"));

        await().atMost(Duration.ofSeconds(10)).until(() -> state("stopper") == DagState.RUNNING);
        DagInstance first = engine.get("stopper").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> state("stopper") == DagState.STOPPED);
        MemQueues.publish("mem://queue/stopper-in", events(0, 30));

        controller.update(WindowSchedule.of(window("16:00", "23:00", "Stop", null)));

        await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 30);
        assertThat(engine.get("stopper").orElseThrow()).isNotSameAs(first);
        assertThat(state("stopper")).isEqualTo(DagState.RUNNING);
    }

    @Test
    void warmUpStartsSuspendedThenRuns() throws Exception {
        Dag dag = relay("warm", false);
        MemQueues.Collector out = collect("mem://queue/warm-out");
        follow(dag, window("08:00", "16:30", "Stop", "2m"), clockAt("2026-12-07T07:59:57"));

        await().atMost(Duration.ofSeconds(10)).until(() -> state("warm") == DagState.SUSPENDED);
        MemQueues.publish("mem://queue/warm-in", events(0, 10));
        assertThat(out.events()).isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> out.events().size() == 10);
        assertThat(state("warm")).isEqualTo(DagState.RUNNING);
    }

    @Test
    void outsideStopNeverStartsBeforeWarmUp() {
        Dag dag = relay("asleep", false);
        WindowController controller = follow(dag, window("08:00", "16:30", "Stop", null), clockAt("2026-12-07T03:00"));

        await().atMost(Duration.ofSeconds(10)).until(() -> controller.position().isPresent());

        assertThat(engine.get("asleep")).isEmpty();
    }

    @Test
    void midWindowStartsRunningAtOnce() {
        Dag dag = relay("midday", false);

        follow(dag, window("08:00", "16:30", null, null), clockAt("2026-12-07T12:00"));

        await().atMost(Duration.ofSeconds(10)).until(() -> state("midday") == DagState.RUNNING);
    }

    @Test
    void suspendedSpecStaysSuspendedInWindow() {
        Dag dag = relay("held", true);
        WindowController controller = new WindowController("held", WindowSchedule.of(window("08:00", "16:30", null,
                null)), new DagWindowTarget(engine, dag, Path.of(".")), clockAt("2026-12-07T12:00"));
        closeables.add(controller);
        java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
        controller.addListener(position -> checked.countDown());
        controller.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> checked.getCount() == 0);

        assertThat(controller.position().orElseThrow().active()).isTrue();
        assertThat(state("held")).isEqualTo(DagState.SUSPENDED);
    }
}
