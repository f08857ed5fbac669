package io.dishtayantra.runtime.engine;

import static io.dishtayantra.runtime.engine.DagFixtures.dag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.runtime.testplugins.ProbeConnectorKind;
import io.dishtayantra.runtime.testplugins.ProbeSubscriber;
import io.dishtayantra.runtime.testplugins.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(2)));

    @AfterEach
    void stopEngine() {
        engine.shutdown();
    }

    private static String passThrough(String name, String subscriberUri, String publisherUri) {
        return """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s}
                spec:
                  subscribers: [{name: in, uri: "%s"}]
                  publishers: [{name: out, uri: "%s"}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """.formatted(name, subscriberUri, publisherUri);
    }

    private static List<Map<String, Object>> ids(int from, int to) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(Map.of("id", i));
        }
        return events;
    }

    @Test
    void suspendAndResumeLoseNothing() throws Exception {
        DagInstance instance = engine.deploy(dag(passThrough("pausing", "mem://queue/pausing-in", "mem://queue/pausing-out")),
                Path.of("."));
        List<DagState> states = new CopyOnWriteArrayList<>();
        instance.addListener((dag, previous, current, message) -> states.add(current));
        instance.start();
        try (MemTestQueues.Collector out = MemTestQueues.collect("mem://queue/pausing-out")) {
            MemTestQueues.publish("mem://queue/pausing-in", ids(0, 100));
            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 100);

            instance.suspend();
            MemTestQueues.publish("mem://queue/pausing-in", ids(100, 300));
            Thread.sleep(300);
            assertThat(out.events()).hasSize(100);
            assertThat(instance.state()).isEqualTo(DagState.SUSPENDED);

            instance.resume();
            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 300);
            assertThat(out.events()).extracting(event -> event.get("id"))
                    .isEqualTo(ids(0, 300).stream().map(event -> event.get("id")).toList());
        }
        instance.stop();
        assertThat(states).containsExactly(DagState.RUNNING, DagState.SUSPENDED, DagState.RUNNING, DagState.STOPPING,
                DagState.STOPPED);
    }

    @Test
    void stopProcessesQueuedEventsAndAcknowledgesThem() throws Exception {
        DagInstance instance = engine.deploy(dag(passThrough("draining", "probe://draining-in",
                "probe://draining-out")), Path.of("."));
        instance.start();
        ProbeSubscriber in = ProbeConnectorKind.subscriber("draining-in");
        instance.suspend();
        for (int i = 0; i < 500; i++) {
            in.send(Map.of("id", i));
        }
        assertThat(instance.snapshot().nodes().getFirst().queueDepth()).isEqualTo(500);

        instance.stop();

        assertThat(ProbeConnectorKind.publisher("draining-out").received).hasSize(500);
        assertThat(in.acknowledged).hasSize(500);
        assertThat(in.closed).isTrue();
        assertThat(ProbeConnectorKind.publisher("draining-out").closed).isTrue();
        assertThat(instance.state()).isEqualTo(DagState.STOPPED);
    }

    @Test
    void publisherStartFailureClosesWhatWasStarted() {
        DagInstance instance = engine.deploy(dag("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: badpublisher}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/badpublisher-in"}]
                  publishers: [{name: out, uri: "probe://badpublisher-out", config: {failStart: true}}]
                  calculators: [{name: trace, type: io.dishtayantra.runtime.testplugins.Trace}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in, calculator: trace}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """), Path.of("."));

        assertThatThrownBy(instance::start).isInstanceOf(DagStartException.class)
                .hasMessageContaining("publisher out").hasMessageContaining("connection refused by probe");

        assertThat(instance.state()).isEqualTo(DagState.FAILED);
        assertThat(instance.message()).contains("publisher out");
        assertThat(Trace.STARTED).contains("badpublisher/trace");
        assertThat(Trace.CLOSED).contains("badpublisher/trace");
    }

    @Test
    void calculatorStartFailureNamesTheCalculator() {
        DagInstance instance = engine.deploy(dag("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: badcalculator}
                spec:
                  subscribers: [{name: in, uri: "probe://badcalculator-in"}]
                  calculators:
                    - {name: first, type: io.dishtayantra.runtime.testplugins.Trace}
                    - {name: pricing, type: io.dishtayantra.runtime.testplugins.Trace, config: {failStart: true}}
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in, calculator: first}
                    - {name: price, type: Calculation, calculator: pricing}
                  edges: [{from: ingest, to: price}]
                """), Path.of("."));

        assertThatThrownBy(instance::start).isInstanceOf(DagStartException.class)
                .hasMessageContaining("calculator pricing").hasMessageContaining("pricing service unreachable");

        assertThat(instance.state()).isEqualTo(DagState.FAILED);
        assertThat(Trace.CLOSED).contains("badcalculator/first");
        assertThat(ProbeConnectorKind.subscriber("badcalculator-in")).isNull();
    }

    @Test
    void invalidStructureIsRejectedAtDeploy() {
        assertThatThrownBy(() -> engine.deploy(dag("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: cyclic}
                spec:
                  nodes:
                    - {name: a, type: Calculation}
                    - {name: b, type: Calculation, calculator: missing}
                  edges: [{from: a, to: b}, {from: b, to: a}]
                """), Path.of(".")))
                .isInstanceOf(InvalidDagException.class)
                .hasMessageContaining("spec.nodes[1].calculator (missing)")
                .hasMessageContaining("cycle");
        assertThat(engine.get("cyclic")).isEmpty();
    }

    @Test
    void lifecycleRejectsWrongTransitions() {
        DagInstance instance = engine.deploy(dag(passThrough("transitions", "probe://transitions-in",
                "probe://transitions-out")), Path.of("."));

        assertThatThrownBy(instance::suspend).isInstanceOf(IllegalStateException.class).hasMessageContaining("CREATED");
        instance.start();
        assertThatThrownBy(instance::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> engine.deploy(dag(passThrough("transitions", "probe://x", "probe://y")), Path.of(".")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already deployed");

        instance.stop();
        DagInstance again = engine.deploy(dag(passThrough("transitions", "probe://transitions-in",
                "probe://transitions-out")), Path.of("."));
        assertThat(again).isNotSameAs(instance);
        assertThat(engine.get("transitions")).containsSame(again);

        assertThat(engine.remove("transitions")).isTrue();
        assertThat(again.state()).isEqualTo(DagState.STOPPED);
        assertThat(engine.list()).isEmpty();
    }

    @Test
    void suspendedInManifestStartsSuspended() throws Exception {
        DagInstance instance = engine.deploy(dag(passThrough("startsuspended", "probe://startsuspended-in",
                "probe://startsuspended-out").replace("spec:\n", "spec:\n  suspend: true\n")), Path.of("."));
        instance.start();

        assertThat(instance.state()).isEqualTo(DagState.SUSPENDED);
        assertThat(ProbeConnectorKind.subscriber("startsuspended-in").paused).isTrue();
    }
}
