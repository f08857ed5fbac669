package io.dishtayantra.runtime.engine;

import static io.dishtayantra.runtime.engine.DagFixtures.dag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Test
    void chainComputesEveryEvent() throws Exception {
        DagInstance instance = engine.deploy(dag("""
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
                """), Path.of("."));
        instance.start();
        try (MemTestQueues.Collector out = MemTestQueues.collect("mem://queue/chain-out")) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                events.add(Map.of("a", i, "b", 1));
            }
            events.add(Map.of("a", 5, "b", 1));
            events.add(Map.of("a", 5, "b", 1));
            MemTestQueues.publish("mem://queue/chain-in", events);

            await().atMost(Duration.ofSeconds(10)).until(() -> out.events().size() == 1002);
            assertThat(out.events().get(7)).containsEntry("total", 8L).containsEntry("a", 7);
            assertThat(out.events().get(1001)).isEqualTo(out.events().get(1000));
        }
        DagSnapshot snapshot = instance.snapshot();
        assertThat(snapshot.eventsIn()).isEqualTo(1002);
        assertThat(snapshot.eventsOut()).isEqualTo(1002);
        assertThat(snapshot.topologicalOrder()).containsExactly("ingest", "add", "emit");
    }
}
