package io.dishtayantra.runtime.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.connector.codec.InvalidPayloadException;
import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds odd input lines to the file subscriber and checks what is published and what is rejected. */
class FileSubscriberInputTest {

    @TempDir
    Path folder;

    /** Runs a DAG over the input until every line is published or rejected; returns the published lines. */
    private List<String> run(String name, String input, String config, int expectedIn) throws Exception {
        Files.writeString(folder.resolve(name + ".in"), input);
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %1$s}
                spec:
                  deadLetter: dead
                  subscribers: [{name: in, uri: "file://%1$s.in", config: %2$s}]
                  publishers:
                    - {name: out, uri: "file://%1$s.out", config: {flushInterval: 20ms}}
                    - {name: dead, uri: "file://%1$s.dead", config: {flushInterval: 20ms}}
                  nodes:
                    - {name: read, type: Subscription, subscriber: in}
                    - {name: write, type: Publication, publishers: [out]}
                  edges: [{from: read, to: write}]
                """.formatted(name, config);
        Dag dag = (Dag) new ManifestLoader().parse(yaml, folder.resolve("dag.yaml")).getFirst().resource();
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag, folder);
            instance.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> instance.snapshot().eventsIn() == expectedIn);
            instance.stop();
        }
        Path out = folder.resolve(name + ".out");
        return Files.exists(out) ? Files.readAllLines(out) : List.of();
    }

    private List<String> deadLetters(String name) throws Exception {
        Path dead = folder.resolve(name + ".dead");
        return Files.exists(dead) ? Files.readAllLines(dead) : List.of();
    }

    @Test
    void numberTooLargeForDoubleIsRejected() throws Exception {
        List<String> out = run("huge", "{\"id\":6,\"a\":1e400}\n{\"id\":7,\"a\":1}\n",
                "{follow: false, positionFile: huge.pos}", 2);

        assertThat(out).containsExactly("{\"id\":7,\"a\":1}");
        assertThat(deadLetters("huge")).singleElement().asString().contains("too large for a double");
    }

    @Test
    void csvShortAndLongRowsAreRejected() throws Exception {
        List<String> out = run("ragged", "id,name,qty\n1,apple,3\n2,banana\n3,cherry,5,extra\n6,,\n",
                "{format: csv, follow: false, positionFile: ragged.pos}", 4);

        assertThat(out).containsExactly("{\"id\":\"1\",\"name\":\"apple\",\"qty\":\"3\"}",
                "{\"id\":\"6\",\"name\":\"\",\"qty\":\"\"}");
        List<String> dead = deadLetters("ragged");
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0)).contains("it has 2 fields but the header has 3");
        assertThat(dead.get(1)).contains("it has 4 fields but the header has 3");
    }

    @Test
    void csvHeaderBomIsSkipped() throws Exception {
        List<String> out = run("bom", "\uFEFFid,qty\n1,2\n", "{format: csv, follow: false, positionFile: bom.pos}", 1);

        assertThat(out).containsExactly("{\"id\":\"1\",\"qty\":\"2\"}");
    }

    @Test
    void csvDuplicateHeaderNameFailsStart() throws Exception {
        Files.writeString(folder.resolve("dup.in"), "a,a,b\n1,2,3\n");
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: dup}
                spec:
                  subscribers: [{name: in, uri: "file://dup.in", config: {format: csv, positionFile: dup.pos}}]
                  publishers: [{name: out, uri: "file://dup.out"}]
                  nodes:
                    - {name: read, type: Subscription, subscriber: in}
                    - {name: write, type: Publication, publishers: [out]}
                  edges: [{from: read, to: write}]
                """;
        Dag dag = (Dag) new ManifestLoader().parse(yaml, folder.resolve("dag.yaml")).getFirst().resource();
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance instance = engine.deploy(dag, folder);

            Assertions.assertThatThrownBy(instance::start).hasMessageContaining("has the name 'a' twice");
        }
    }

    @Test
    void sharedPositionFileFailsSecondStart() throws Exception {
        Files.writeString(folder.resolve("a.in"), "{\"id\":1}\n");
        Files.writeString(folder.resolve("b.in"), "{\"id\":2}\n");
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: NAME}
                spec:
                  subscribers: [{name: in, uri: "file://NAME.in", config: {positionFile: shared.pos}}]
                  publishers: [{name: out, uri: "file://NAME.out"}]
                  nodes:
                    - {name: read, type: Subscription, subscriber: in}
                    - {name: write, type: Publication, publishers: [out]}
                  edges: [{from: read, to: write}]
                """;
        Dag first = (Dag) new ManifestLoader().parse(yaml.replace("NAME", "a"), folder.resolve("a.yaml")).getFirst().resource();
        Dag second = (Dag) new ManifestLoader().parse(yaml.replace("NAME", "b"), folder.resolve("b.yaml")).getFirst().resource();
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            engine.deploy(first, folder).start();
            DagInstance other = engine.deploy(second, folder);

            Assertions.assertThatThrownBy(other::start)
                    .hasMessageContaining("subscriber in of DAG b")
                    .hasMessageContaining("already used by subscriber in of DAG a");
        }
    }

    @Test
    void csvEmptyHeaderNameIsInvalid() {
        Assertions.assertThatThrownBy(() -> FileSubscriber.headerNames(new String[] {"a", "", "b"}, Path.of("x.csv")))
                .hasMessageContaining("empty name in column 2");
    }

    @Test
    void brokerPayloadTooLargeForDoubleIsRejected() {
        Assertions.assertThatThrownBy(() -> JsonPayloads.parse("{\"a\":[1, -1e400]}"))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("a[1]");
    }
}
