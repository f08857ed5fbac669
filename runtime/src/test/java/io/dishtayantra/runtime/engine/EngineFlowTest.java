package io.dishtayantra.runtime.engine;

import static io.dishtayantra.runtime.engine.DagFixtures.dag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.config.EnvironmentResolver;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineFlowTest {

    private final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(2)));

    @AfterEach
    void stopEngine() {
        engine.shutdown();
    }

    private DagInstance start(String yaml) {
        DagInstance instance = engine.deploy(dag(yaml), Path.of("."));
        instance.start();
        return instance;
    }

    private static List<Map<String, Object>> ids(int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Map.of("id", i));
        }
        return events;
    }

    @Test
    void chainComputesEveryEvent() throws Exception {
        DagInstance instance = start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: chain}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/chain-in"}]
                  publishers: [{name: out, uri: "mem://queue/chain-out"}]
                  calculators: [{name: sum, type: Addition, config: {arguments: [a, b], outputAttribute: total}}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: add, type: Calculation, calculator: sum}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: add}, {from: add, to: emit}]
                """);
        try (MemTestQueues.Collector out = MemTestQueues.collect("mem://queue/chain-out")) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                events.add(Map.of("a", i, "b", 1));
            }
            MemTestQueues.publish("mem://queue/chain-in", events);

            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 1000);
            assertThat(out.events().get(7)).containsEntry("total", 8L).containsEntry("a", 7);
        }
        DagSnapshot snapshot = instance.snapshot();
        assertThat(snapshot.eventsIn()).isEqualTo(1000);
        assertThat(snapshot.eventsOut()).isEqualTo(1000);
        assertThat(snapshot.nodes()).extracting(NodeSnapshot::out).containsExactly(1000L, 1000L, 1000L);
    }

    @Test
    void nodesRunInTopologicalOrderNotManifestOrder() throws Exception {
        DagInstance instance = start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: order}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/order-in"}]
                  publishers: [{name: out, uri: "mem://queue/order-out"}]
                  calculators:
                    - {name: third, type: io.dishtayantra.runtime.testplugins.Trace}
                    - {name: second, type: io.dishtayantra.runtime.testplugins.Trace}
                    - {name: first, type: io.dishtayantra.runtime.testplugins.Trace}
                  nodes:
                    - {name: c, type: Publication, calculator: third, publishers: [out]}
                    - {name: b, type: Calculation, calculator: second}
                    - {name: a, type: Calculation, calculator: first}
                    - {name: ingest, type: Subscription, subscriber: in}
                  edges: [{from: b, to: c}, {from: a, to: b}, {from: ingest, to: a}]
                """);
        try (MemTestQueues.Collector out = MemTestQueues.collect("mem://queue/order-out")) {
            MemTestQueues.publish("mem://queue/order-in", ids(1));

            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 1);
            assertThat(out.events().getFirst().get("trace")).isEqualTo(List.of("first", "second", "third"));
        }
        assertThat(instance.snapshot().topologicalOrder()).containsExactly("ingest", "a", "b", "c");
        assertThat(instance.componentMetrics().get("calculator/first").counterValues()).containsEntry("traced_events", 1L);
    }

    @Test
    void metronomeSubscriberFeedsSubscriptionNode() {
        DagInstance instance = start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: ticking}
                spec:
                  subscribers: [{name: clock, uri: "metronome://clock", config: {interval: 50ms}}]
                  nodes:
                    - {name: ticks, type: Subscription, subscriber: clock}
                    - {name: record, type: Sink}
                  edges: [{from: ticks, to: record}]
                """);

        await().atMost(Duration.ofSeconds(10)).until(() -> instance.snapshot().nodes().get(1).in() >= 3);
        List<Map<String, Object>> recorded = instance.snapshot().nodes().get(1).recentOutputs();
        assertThat(recorded.subList(0, 3)).extracting(tick -> tick.get("tick")).containsExactly(1L, 2L, 3L);
        assertThat(instance.snapshot().subscribers().getFirst().health().connected()).isTrue();
    }

    @Test
    void transformNodeFeedsSinkThatKeepsRecentOutputs() throws Exception {
        DagInstance instance = start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: sinking}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/sinking-in"}]
                  transformers: [{name: rename, type: AttributeNameChange, config: {nameMapping: {id: tradeId}}}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: renamed, type: Transform, transformer: rename}
                    - {name: record, type: Sink}
                  edges: [{from: ingest, to: renamed}, {from: renamed, to: record}]
                """);

        MemTestQueues.publish("mem://queue/sinking-in", ids(40));

        await().atMost(Duration.ofSeconds(10)).until(() -> instance.snapshot().nodes().get(2).in() == 40);
        NodeSnapshot sink = instance.snapshot().nodes().get(2);
        assertThat(sink.recentOutputs()).hasSize(32);
        assertThat(sink.recentOutputs().getLast()).isEqualTo(Map.of("tradeId", 39));
        assertThat(sink.type()).isEqualTo("Sink");
        assertThat(sink.state()).isEqualTo("ok");
    }

    @Test
    @SuppressWarnings("unchecked")
    void diamondRunsJoinOncePerEventWithBothBranches() throws Exception {
        start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: diamond}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/diamond-in"}]
                  publishers: [{name: out, uri: "mem://queue/diamond-out"}]
                  calculators:
                    - {name: double, type: Multiplication, config: {arguments: [id, two], outputAttribute: doubled}}
                    - {name: plus, type: Addition, config: {arguments: [id, two], outputAttribute: plusTwo}}
                  transformers: [{name: addTwo, type: ApplyDefaults, config: {defaults: {two: 2}}}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in, outputTransformers: [addTwo]}
                    - {name: left, type: Calculation, calculator: double}
                    - {name: right, type: Calculation, calculator: plus}
                    - {name: join, type: Publication, publishers: [out]}
                  edges:
                    - {from: ingest, to: left}
                    - {from: ingest, to: right}
                    - {from: left, to: join, as: left}
                    - {from: right, to: join, as: right}
                """);
        try (MemTestQueues.Collector out = MemTestQueues.collect("mem://queue/diamond-out")) {
            MemTestQueues.publish("mem://queue/diamond-in", ids(50));

            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 50);
            Map<String, Object> tenth = out.events().get(10);
            assertThat(tenth).containsOnlyKeys("left", "right");
            assertThat((Map<String, Object>) tenth.get("left")).containsEntry("doubled", 20L);
            assertThat((Map<String, Object>) tenth.get("right")).containsEntry("plusTwo", 12L);
        }
    }

    @Test
    void fanInMergesLatestValueOfEachParent() throws Exception {
        start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: fanin}
                spec:
                  subscribers:
                    - {name: prices, uri: "mem://queue/fanin-prices"}
                    - {name: limits, uri: "mem://queue/fanin-limits"}
                  publishers: [{name: out, uri: "mem://queue/fanin-out"}]
                  nodes:
                    - {name: price, type: Subscription, subscriber: prices}
                    - {name: limit, type: Subscription, subscriber: limits}
                    - {name: join, type: Publication, publishers: [out]}
                  edges:
                    - {from: price, to: join}
                    - {from: limit, to: join, as: limit}
                """);
        try (MemTestQueues.Collector out = MemTestQueues.collect("mem://queue/fanin-out")) {
            MemTestQueues.publish("mem://queue/fanin-prices", List.of(Map.of("px", 10)));
            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 1);
            MemTestQueues.publish("mem://queue/fanin-limits", List.of(Map.of("max", 99)));
            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 2);
            MemTestQueues.publish("mem://queue/fanin-prices", List.of(Map.of("px", 11)));
            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 3);

            assertThat(out.events().get(0)).isEqualTo(Map.of("px", 10));
            assertThat(out.events().get(1)).isEqualTo(Map.of("px", 10, "limit", Map.of("max", 99)));
            assertThat(out.events().get(2)).isEqualTo(Map.of("px", 11, "limit", Map.of("max", 99)));
        }
    }

    @Test
    void equalEventsAreAllPublishedUnlessChangeDetection() throws Exception {
        start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: repeats}
                spec:
                  subscribers: [{name: in, uri: "mem://topic/repeats-in"}]
                  publishers:
                    - {name: every, uri: "mem://queue/repeats-every"}
                    - {name: changes, uri: "mem://queue/repeats-changes"}
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: all, type: Publication, publishers: [every]}
                    - {name: changed, type: Publication, publishers: [changes], changeDetection: true}
                  edges: [{from: ingest, to: all}, {from: ingest, to: changed}]
                """);
        try (MemTestQueues.Collector every = MemTestQueues.collect("mem://queue/repeats-every");
                MemTestQueues.Collector changes = MemTestQueues.collect("mem://queue/repeats-changes")) {
            MemTestQueues.publish("mem://topic/repeats-in",
                    List.of(Map.of("px", 1), Map.of("px", 1), Map.of("px", 2), Map.of("px", 2), Map.of("px", 1)));

            await().atMost(Duration.ofSeconds(10)).until(() -> every.events().size() == 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.events().size() == 3);
            assertThat(changes.events()).extracting(event -> event.get("px")).containsExactly(1, 2, 1);
        }
    }

    @Test
    void edgeTransformerAppliesOnlyToItsEdge() throws Exception {
        start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: edges}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/edges-in"}]
                  publishers:
                    - {name: slim, uri: "mem://queue/edges-slim"}
                    - {name: full, uri: "mem://queue/edges-full"}
                  transformers: [{name: keepId, type: AttributeFilter, config: {keepAttributes: [id]}}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: slimmed, type: Publication, publishers: [slim]}
                    - {name: whole, type: Publication, publishers: [full]}
                  edges:
                    - {from: ingest, to: slimmed, transformer: keepId}
                    - {from: ingest, to: whole}
                """);
        try (MemTestQueues.Collector slim = MemTestQueues.collect("mem://queue/edges-slim");
                MemTestQueues.Collector full = MemTestQueues.collect("mem://queue/edges-full")) {
            MemTestQueues.publish("mem://queue/edges-in", List.of(Map.of("id", 1, "secret", "x")));

            await().atMost(Duration.ofSeconds(10)).until(() -> slim.events().size() == 1 && full.events().size() == 1);
            assertThat(slim.events().getFirst()).isEqualTo(Map.of("id", 1));
            assertThat(full.events().getFirst()).isEqualTo(Map.of("id", 1, "secret", "x"));
        }
    }

    @Test
    void metronomeNodeTicksThroughItsCalculator() throws Exception {
        start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: heartbeat}
                spec:
                  publishers: [{name: beats, uri: "mem://queue/heartbeat-out"}]
                  calculators: [{name: count, type: Counter, config: {sequenceAttribute: beat}}]
                  nodes:
                    - {name: tick, type: Metronome, interval: 50ms, calculator: count, publishers: [beats]}
                """);
        try (MemTestQueues.Collector beats = MemTestQueues.collect("mem://queue/heartbeat-out")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> beats.events().size() >= 3);
            Map<String, Object> third = beats.events().get(2);
            assertThat(third).containsEntry("tick", 3L).containsEntry("beat", 3L).containsKey("timestamp");
        }
    }

    @Test
    void nothingIsPublishedAtStartUp() throws Exception {
        DagInstance instance = start("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: quiet}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/quiet-in"}]
                  publishers: [{name: out, uri: "probe://quiet-out"}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """);
        Thread.sleep(200);
        assertThat(io.dishtayantra.runtime.testplugins.ProbeConnectorKind.publisher("quiet-out").received).isEmpty();
        assertThat(instance.snapshot().nodes()).extracting(NodeSnapshot::state).containsOnly("idle");
    }

    @Test
    void environmentReferencesAreResolvedBeforeConnectorsStart() throws Exception {
        EnvironmentResolver environment = new EnvironmentResolver(Map.of("OUT_QUEUE", "env-out")::get);
        ClassLoader loader = getClass().getClassLoader();
        try (Engine withEnvironment = new Engine(new EngineServices(CalculatorRegistry.load(loader),
                ConnectorRegistry.load(loader), environment, Duration.ofSeconds(2)))) {
            withEnvironment.deploy(dag("""
                    apiVersion: dishtayantra.io/v1alpha1
                    kind: DAG
                    metadata: {name: env}
                    spec:
                      subscribers: [{name: in, uri: "mem://queue/env-in"}]
                      publishers: [{name: out, uri: "mem://queue/${env:OUT_QUEUE}"}]
                      calculators: [{name: tag, type: ApplyDefaults, config: {defaults: {region: "${env:REGION:-emea}"}}}]
                      nodes:
                        - {name: ingest, type: Subscription, subscriber: in, calculator: tag, publishers: []}
                        - {name: emit, type: Publication, publishers: [out]}
                      edges: [{from: ingest, to: emit}]
                    """), Path.of(".")).start();
            try (MemTestQueues.Collector out = MemTestQueues.collect("mem://queue/env-out")) {
                MemTestQueues.publish("mem://queue/env-in", ids(1));
                await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 1);
                assertThat(out.events().getFirst()).containsEntry("region", "emea");
            }
        }
    }
}
