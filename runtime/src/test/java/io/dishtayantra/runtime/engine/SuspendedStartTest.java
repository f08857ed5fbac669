package io.dishtayantra.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.testplugins.ProbeConnectorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a DAG with suspend: true and checks that no input is taken before resume. */
class SuspendedStartTest {

    private static final int LINES = 2000;

    @TempDir
    Path folder;

    private DagInstance deploy(Engine engine) throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            input.append("{\"id\":").append(i).append("}\n");
        }
        Files.writeString(folder.resolve("in.jsonl"), input);
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: susp}
                spec:
                  suspend: true
                  subscribers: [{name: in, uri: "file://in.jsonl", config: {positionFile: pos.json, pollInterval: 20ms}}]
                  publishers: [{name: out, uri: "file://out.jsonl", config: {flushInterval: 20ms}}]
                  nodes:
                    - {name: read, type: Subscription, subscriber: in}
                    - {name: write, type: Publication, publishers: [out]}
                  edges: [{from: read, to: write}]
                """;
        Dag dag = (Dag) new ManifestLoader().parse(yaml, folder.resolve("dag.yaml")).getFirst().resource();
        return engine.deploy(dag, folder);
    }

    @Test
    void suspendedDagStartsSubscribersPaused() throws Exception {
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: susp-probe}
                spec:
                  suspend: true
                  subscribers: [{name: in, uri: "probe://susp-start-in"}]
                  publishers: [{name: out, uri: "probe://susp-start-out"}]
                  nodes:
                    - {name: read, type: Subscription, subscriber: in}
                    - {name: write, type: Publication, publishers: [out]}
                  edges: [{from: read, to: write}]
                """;
        Dag dag = (Dag) new ManifestLoader().parse(yaml, folder.resolve("dag.yaml")).getFirst().resource();
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag, folder);
            instance.start();

            assertThat(ProbeConnectorKind.subscriber("susp-start-in").pausedAtStart).isTrue();
            instance.stop();
        }
    }

    @Test
    void suspendedDagTakesNoInputUntilStop() throws Exception {
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = deploy(engine);
            instance.start();
            assertThat(instance.state()).isEqualTo(DagState.SUSPENDED);

            // Gives a subscriber that ignored the suspension time to read.
            Thread.sleep(300);
            instance.stop();

            assertThat(instance.snapshot().eventsIn()).isZero();
            assertThat(instance.snapshot().eventsOut()).isZero();
        }
        Path output = folder.resolve("out.jsonl");
        assertThat(!Files.exists(output) || Files.size(output) == 0).as("output is empty").isTrue();
    }

    @Test
    void suspendedDagReadsAfterResume() throws Exception {
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = deploy(engine);
            instance.start();
            instance.resume();

            await().atMost(Duration.ofSeconds(15)).until(() -> instance.snapshot().eventsOut() == LINES);
            instance.stop();
        }
        assertThat(Files.readAllLines(folder.resolve("out.jsonl"))).hasSize(LINES);
    }
}
