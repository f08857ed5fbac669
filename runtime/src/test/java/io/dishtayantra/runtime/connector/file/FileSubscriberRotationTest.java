package io.dishtayantra.runtime.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaces or rewrites the input of a running file subscriber and checks that no line is lost. */
class FileSubscriberRotationTest {

    @TempDir
    Path folder;

    private Dag dag(String name) {
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %1$s}
                spec:
                  subscribers: [{name: in, uri: "file://app.jsonl", config: {positionFile: pos.json, pollInterval: 20ms}}]
                  publishers: [{name: out, uri: "file://out.jsonl", config: {flushInterval: 20ms}}]
                  nodes:
                    - {name: read, type: Subscription, subscriber: in}
                    - {name: write, type: Publication, publishers: [out]}
                  edges: [{from: read, to: write}]
                """.formatted(name);
        return (Dag) new ManifestLoader().parse(yaml, folder.resolve("dag.yaml")).getFirst().resource();
    }

    private List<String> output() throws Exception {
        return Files.readAllLines(folder.resolve("out.jsonl"));
    }

    @Test
    void renamedAndRecreatedFileIsReadFromStart() throws Exception {
        Path input = folder.resolve("app.jsonl");
        Files.writeString(input, "{\"id\":1}\n{\"id\":2}\n");
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag("rotate"), folder);
            instance.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> instance.snapshot().eventsOut() == 2);

            Files.move(input, folder.resolve("app.jsonl.1"));
            Files.writeString(input, "{\"id\":3}\n{\"id\":4}\n{\"id\":5}\n");
            await().atMost(Duration.ofSeconds(15)).until(() -> instance.snapshot().eventsOut() >= 5);
            instance.stop();
        }

        assertThat(output()).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":4}", "{\"id\":5}");
    }

    @Test
    void truncatedAndLongerRewriteIsReadFromStart() throws Exception {
        Path input = folder.resolve("app.jsonl");
        Files.writeString(input, "{\"id\":1}\n{\"id\":2}\n");
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag("rewrite"), folder);
            instance.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> instance.snapshot().eventsOut() == 2);

            Files.writeString(input, "{\"id\":3,\"pad\":\"xx\"}\n{\"id\":4,\"pad\":\"xx\"}\n");
            await().atMost(Duration.ofSeconds(15)).until(() -> instance.snapshot().eventsOut() >= 4);
            instance.stop();

            assertThat(instance.snapshot().eventsFailed()).isZero();
        }

        assertThat(output()).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3,\"pad\":\"xx\"}",
                "{\"id\":4,\"pad\":\"xx\"}");
    }
}
