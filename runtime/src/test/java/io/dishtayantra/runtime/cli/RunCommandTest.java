package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    @TempDir
    Path folder;

    private static final String ENRICH = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata: {name: enrich}
            spec:
              subscribers:
                - name: trades
                  uri: file://input/trades.jsonl
                  config: {follow: false, positionFile: state/trades.json}
              publishers: [{name: out, uri: "file://out/enriched.jsonl"}]
              calculators:
                - {name: notional, type: Multiplication, config: {arguments: [qty, price], outputAttribute: notional}}
              transformers: [{name: desk, type: ApplyDefaults, config: {defaults: {desk: G10}}}]
              nodes:
                - {name: ingest, type: Subscription, subscriber: trades, outputTransformers: [desk]}
                - {name: price, type: Publication, calculator: notional, publishers: [out]}
              edges: [{from: ingest, to: price}]
            """;

    private int run(StringWriter err, String... arguments) {
        CommandLine commandLine = DishtaYantraCli.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }

    @Test
    void runProcessesFolderAndStops() throws Exception {
        Files.createDirectories(folder.resolve("input"));
        Files.writeString(folder.resolve("input/trades.jsonl"),
                "{\"id\":1,\"qty\":10,\"price\":2.5}\n{\"id\":2,\"qty\":3,\"price\":4}\n");
        Files.writeString(folder.resolve("enrich.yaml"), ENRICH);
        Files.writeString(folder.resolve("notes.txt"), "not a manifest");
        StringWriter err = new StringWriter();

        int exit = run(err, "run", "--no-http", folder.toString(), "--stop-after", "1500ms", "--summary-interval", "500ms");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(folder.resolve("out/enriched.jsonl"));
        assertThat(lines).containsExactly(
                "{\"id\":1,\"qty\":10,\"price\":2.5,\"desk\":\"G10\",\"notional\":25.0}",
                "{\"id\":2,\"qty\":3,\"price\":4,\"desk\":\"G10\",\"notional\":12}");
        assertThat(Files.readString(folder.resolve("state/trades.json"))).contains("\"position\":");
    }

    @Test
    void runRefusesInvalidDagAndStartsTheRest() throws Exception {
        Files.createDirectories(folder.resolve("input"));
        Files.writeString(folder.resolve("input/trades.jsonl"), "{\"id\":1,\"qty\":1,\"price\":1}\n");
        Files.writeString(folder.resolve("enrich.yaml"), ENRICH);
        Files.writeString(folder.resolve("broken.yml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: broken}
                spec:
                  subscribers: [{name: in, uri: "nosuch://x"}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: calc, type: Calculation, calculator: missing}
                  edges: [{from: ingest, to: calc}]
                """);
        StringWriter err = new StringWriter();

        int exit = run(err, "run", "--no-http", folder.toString(), "--stop-after", "1s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("broken.yml: not started, 2 problems:")
                .contains("spec.nodes[1].calculator (missing): ")
                .contains("spec.subscribers[0].uri (nosuch://x): ");
        assertThat(Files.readAllLines(folder.resolve("out/enriched.jsonl"))).hasSize(1);
    }

    @Test
    void runExitsOneWhenDagFailedWhileRunning() throws Exception {
        Files.createDirectories(folder.resolve("input"));
        Files.writeString(folder.resolve("input/trades.jsonl"), "{\"id\":1,\"qty\":1,\"price\":1}\n");
        Files.writeString(folder.resolve("fatal.yaml"), ENRICH.replace("type: Multiplication",
                "type: io.dishtayantra.runtime.testplugins.ErrorOnCalculate"));
        StringWriter err = new StringWriter();

        int exit = run(err, "run", "--no-http", folder.resolve("fatal.yaml").toString(), "--stop-after", "1500ms");

        assertThat(exit).as(err.toString()).isEqualTo(1);
    }

    @Test
    void runExitsOneWhenEventsStayUndelivered() throws Exception {
        Files.createDirectories(folder.resolve("input"));
        Files.writeString(folder.resolve("input/trades.jsonl"), "{\"id\":1,\"qty\":1,\"price\":1}\n");
        Files.writeString(folder.resolve("full.yaml"), ENRICH.replace("file://out/enriched.jsonl", "file:///dev/full"));
        StringWriter err = new StringWriter();

        int exit = run(err, "run", "--no-http", folder.resolve("full.yaml").toString(), "--stop-after", "1500ms",
                "--stop-timeout", "500ms");

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("stopped with undelivered events").contains("enrich (1)");
        assertThat(Files.readString(folder.resolve("state/trades.json"))).contains("\"position\":0");
    }

    @Test
    void runExitsOneWhenPublishNeverCompletes() throws Exception {
        Files.createDirectories(folder.resolve("input"));
        Files.writeString(folder.resolve("input/trades.jsonl"), "{\"id\":1,\"qty\":1,\"price\":1}\n");
        Files.writeString(folder.resolve("stuck.yaml"), ENRICH.replace("\"file://out/enriched.jsonl\"}",
                "\"probe://stuck-run\", config: {neverComplete: true}}"));
        StringWriter err = new StringWriter();

        int exit = run(err, "run", "--no-http", folder.resolve("stuck.yaml").toString(), "--stop-after", "1500ms",
                "--stop-timeout", "300ms");

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("stopped with undelivered events").contains("enrich (1)");
        assertThat(Files.readString(folder.resolve("state/trades.json"))).contains("\"position\":0");
    }

    @Test
    void runWithoutAnyValidDagFails() throws Exception {
        Files.writeString(folder.resolve("empty.yaml"), "apiVersion: dishtayantra.io/v1alpha1\nkind: DAG\nmetadata: {name: e}\nspec: {}\n");
        StringWriter err = new StringWriter();

        assertThat(run(err, "run", "--no-http", folder.resolve("empty.yaml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("empty.yaml: not started, 1 problem:").contains("spec.nodes: ")
                .contains("No DAG to run.");
    }

    @Test
    void missingPluginFolderIsReported() throws Exception {
        Files.writeString(folder.resolve("enrich.yaml"), ENRICH);
        StringWriter err = new StringWriter();

        int exit = run(err, "run", "--no-http", folder.toString(), "--plugins", folder.resolve("nowhere").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Plugin folder").contains("nowhere").contains("does not exist");
    }
}
