package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

    @TempDir
    Path folder;

    @Test
    void mermaidShowsNodesEdgesAndAs() {
        CommandRunner result = CommandRunner.run(new GraphCommand(), Examples.folder().resolve("diamond.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).startsWith("flowchart LR\n");
        assertThat(result.out()).contains("n0([\"read-quotes<br/>Subscription<br/>subscriber: quotes\"])");
        assertThat(result.out()).contains("n1[\"sum-sides<br/>Calculation<br/>calculator: bid-plus-ask<br/>out: keep-sum\"]");
        assertThat(result.out()).contains("n4[[\"write-combined<br/>Publication<br/>publishers: combined\"]]");
        assertThat(result.out()).contains("  n0 --> n1\n").contains("  n1 -->|\"as sides\"| n3\n")
                .contains("  n2 -->|\"as notional\"| n3\n");
    }

    @Test
    void dotIsAGraphvizDigraph() {
        CommandRunner result = CommandRunner.run(new GraphCommand(), "--format", "dot",
                Examples.folder().resolve("diamond.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).startsWith("digraph \"diamond\" {\n").endsWith("}\n");
        assertThat(result.out()).contains("\"join\" [label=\"join\\nCalculation\", shape=box];");
        assertThat(result.out()).contains("\"sum-sides\" -> \"join\" [label=\"as sides\"];");
        assertThat(result.out()).contains("\"read-quotes\" -> \"join\";");
    }

    @Test
    void metronomeShowsInterval() {
        CommandRunner result = CommandRunner.run(new GraphCommand(), Examples.folder().resolve("heartbeat.yaml").toString());

        assertThat(result.out()).contains("tick<br/>Metronome<br/>every 1s<br/>calculator: count<br/>publishers: beats");
    }

    @Test
    void quotesInNamesAreEscaped() throws Exception {
        Path file = Files.writeString(folder.resolve("q.yaml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: quotes}
                spec:
                  transformers: [{name: "say \\"hi\\"", type: Passthru}]
                  nodes:
                    - {name: a, type: Metronome, interval: 1s}
                    - {name: b, type: Transform, transformer: "say \\"hi\\""}
                  edges: [{from: a, to: b, transformer: "say \\"hi\\""}]
                """);

        CommandRunner mermaid = CommandRunner.run(new GraphCommand(), file.toString());
        CommandRunner dot = CommandRunner.run(new GraphCommand(), "--format", "dot", file.toString());

        assertThat(mermaid.out()).contains("transformer: say #quot;hi#quot;").contains("|\"via say #quot;hi#quot;\"|");
        assertThat(dot.out()).contains("[label=\"via say \\\"hi\\\"\"]");
    }

    @Test
    void parseProblemsGoToStandardErrorAndGraphIsDrawn() throws Exception {
        Path file = Files.writeString(folder.resolve("p.yaml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: partial}
                spec:
                  nodes: [{name: a, type: Metronome, interval: 1s, colour: blue}]
                """);

        CommandRunner result = CommandRunner.run(new GraphCommand(), file.toString());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.err()).contains("spec.nodes[0].colour: Unknown field 'colour'");
        assertThat(result.out()).contains("n0([\"a<br/>Metronome<br/>every 1s\"])");
    }

    @Test
    void fileWithoutDagExitsOne() throws Exception {
        Path file = Files.writeString(folder.resolve("w.yaml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: TimeWindow
                metadata: {name: london}
                spec: {timeZone: Europe/London, start: "08:00", end: "16:30"}
                """);

        CommandRunner result = CommandRunner.run(new GraphCommand(), file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("contains no readable DAG");
    }

    @Test
    void missingFileAndBadFormatAreUsageErrors() {
        assertThat(CommandRunner.run(new GraphCommand(), folder.resolve("none.yaml").toString()).exitCode()).isEqualTo(2);
        assertThat(CommandRunner.run(new GraphCommand(), "--format", "png",
                Examples.folder().resolve("diamond.yaml").toString()).exitCode()).isEqualTo(2);
    }
}
