package io.dishtayantra.runtime.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs file-to-file DAGs through the real engine, restarting them to check saved positions. */
class FileConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Dag dag(String name, String subscriberConfig, String input) {
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %1$s}
                spec:
                  subscribers: [{name: in, uri: "file://%3$s", config: %2$s}]
                  publishers: [{name: out, uri: "file://out/%1$s.jsonl", config: {flushInterval: 50ms}}]
                  calculators: [{name: total, type: Addition, config: {arguments: [qty, extra]}}]
                  transformers: [{name: extra, type: ApplyDefaults, config: {defaults: {extra: 1}}}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in, outputTransformers: [extra]}
                    - {name: emit, type: Publication, calculator: total, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """.formatted(name, subscriberConfig, input);
        return (Dag) new ManifestLoader().parse(yaml, folder.resolve("dag.yaml")).getFirst().resource();
    }

    private List<Map<String, Object>> output(String name) throws Exception {
        Path file = folder.resolve("out").resolve(name + ".jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = JSON.readValue(line, Map.class);
            lines.add(event);
        }
        return lines;
    }

    private static String lines(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append("{\"id\":").append(i).append(",\"qty\":").append(i * 10).append("}\n");
        }
        return text.toString();
    }

    private void runUntil(Dag dag, int expectedLines) {
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag, folder);
            instance.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> instance.snapshot().eventsOut() == expectedLines);
            instance.stop();
            assertThat(instance.state()).isEqualTo(DagState.STOPPED);
        }
    }

    @Test
    void jsonLinesResumeFromSavedPositionAfterRestart() throws Exception {
        Path input = folder.resolve("trades.jsonl");
        Files.writeString(input, lines(0, 10));
        String config = "{positionFile: positions/restart.json, follow: true, pollInterval: 20ms}";

        runUntil(dag("restart", config, "trades.jsonl"), 10);
        Files.writeString(input, lines(10, 15), StandardOpenOption.APPEND);
        runUntil(dag("restart", config, "trades.jsonl"), 5);

        List<Map<String, Object>> out = output("restart");
        assertThat(out).extracting(event -> event.get("id")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(out.get(3)).containsEntry("qty", 30).containsEntry("extra", 1).containsEntry("result", 31);
        assertThat(Files.readString(folder.resolve("positions/restart.json")))
                .contains("\"position\":" + Files.size(input));
    }

    @Test
    void csvWithHeaderKeepsHeaderAcrossRestart() throws Exception {
        Path input = folder.resolve("trades.csv");
        Files.writeString(input, "id,qty\n1,10\n2,20\n");
        String config = "{format: csv, positionFile: positions/csv.json, pollInterval: 20ms}";

        runUntil(dag("csv", config, "trades.csv"), 2);
        Files.writeString(input, "3,30\n", StandardOpenOption.APPEND);
        runUntil(dag("csv", config, "trades.csv"), 1);

        List<Map<String, Object>> out = output("csv");
        assertThat(out).extracting(event -> event.get("id")).containsExactly("1", "2", "3");
        assertThat(out.get(2)).containsEntry("qty", "30").containsEntry("result", 31);
    }

    @Test
    void unterminatedLastLineReadWithoutFollow() throws Exception {
        Path input = folder.resolve("short.jsonl");
        Files.writeString(input, "{\"id\":1,\"qty\":1}\n{\"id\":2,\"qty\":2}");

        runUntil(dag("nofollow", "{follow: false, positionFile: positions/nofollow.json}", "short.jsonl"), 2);

        assertThat(output("nofollow")).extracting(event -> event.get("id")).containsExactly(1, 2);
    }

    @Test
    void startFromEndSkipsExistingLines() throws Exception {
        Path input = folder.resolve("tail.jsonl");
        Files.writeString(input, lines(0, 3));
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag("tail",
                    "{startFrom: end, pollInterval: 20ms, positionFile: positions/tail.json}", "tail.jsonl"), folder);
            instance.start();
            Thread.sleep(200);
            Files.writeString(input, lines(3, 5), StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(10)).until(() -> instance.snapshot().eventsOut() == 2);
        }

        assertThat(output("tail")).extracting(event -> event.get("id")).containsExactly(3, 4);
    }

    @Test
    void invalidLineIsRejected() throws Exception {
        Path input = folder.resolve("mixed.jsonl");
        Files.writeString(input, "{\"id\":1,\"qty\":1}\nnot json\n[1,2]\n{\"id\":2,\"qty\":2}\n");
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag("mixed", "{positionFile: positions/mixed.json}", "mixed.jsonl"), folder);
            instance.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> instance.snapshot().eventsOut() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> instance.snapshot().eventsFailed() == 2);
            assertThat(instance.snapshot().nodes().getFirst().lastErrors().getFirst().message())
                    .contains("is not a valid JSON object");
        }
    }

    @Test
    void fileAddressResolvesRelativePathsAgainstManifestFolder() {
        Path base = Path.of("/srv/dags");

        assertThat(FileAddress.path(java.net.URI.create("file://data/in.jsonl"), base)).isEqualTo(Path.of("/srv/dags/data/in.jsonl"));
        assertThat(FileAddress.path(java.net.URI.create("file:///var/in.jsonl"), base)).isEqualTo(Path.of("/var/in.jsonl"));
        assertThat(FileAddress.path(java.net.URI.create("file:in.jsonl"), base)).isEqualTo(Path.of("/srv/dags/in.jsonl"));
    }

    @Test
    void publisherFlushesWithinIntervalWhileRunning() throws Exception {
        Path input = folder.resolve("live.jsonl");
        Files.writeString(input, lines(0, 3));
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag("live", "{positionFile: positions/live.json}", "live.jsonl"), folder);
            instance.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> output("live").size() == 3);
            assertThat(instance.state()).isEqualTo(DagState.RUNNING);
        }
    }
}
