package io.dishtayantra.crd.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values of the wrong type, out-of-range numbers and duplicate keys in manifests. */
class ManifestLoaderTypeTest {

    private static final String HEADER = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata: {name: demo}
            spec:
            """;

    private final ManifestLoader loader = new ManifestLoader();

    private ManifestDocument load(String spec) {
        List<ManifestDocument> documents = loader.parse(HEADER + spec, Path.of("demo.yaml"));
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    private static ValidationProblem at(ManifestDocument document, String path) {
        return document.problems().stream().filter(problem -> problem.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + "; problems: " + document.problems()));
    }

    @Test
    void listForNameIsReportedAtItsPath() {
        ManifestDocument document = load("""
                  nodes:
                    - {name: r, type: Subscription, subscriber: [s]}
                """);

        ValidationProblem problem = at(document, "spec.nodes[0].subscriber");
        assertThat(problem.value()).isEqualTo("[\"s\"]");
        assertThat(problem.message()).startsWith("Expected a string");
        assertThat(document.resource()).isNotNull();
    }

    @Test
    void scalarForListDoesNotHideOthers() {
        ManifestDocument document = load("""
                  subscribers: [{name: s, uri: "file://in.jsonl", maxDepth: "lots"}]
                  nodes:
                    - {name: w, type: Publication, publishers: p}
                    - {name: r, type: Subscription, subscriber: s, changeDetection: 1}
                """);

        ValidationProblem publishers = at(document, "spec.nodes[0].publishers");
        assertThat(publishers.message()).contains("Expected a list of publisher names").contains("[p]");
        assertThat(publishers.message()).doesNotContain("Creator");
        assertThat(at(document, "spec.subscribers[0].maxDepth").message()).doesNotContain("a integer");
        assertThat(at(document, "spec.nodes[1].changeDetection").message()).contains("true or false");
        assertThat(document.resource()).isNotNull();
    }

    @Test
    void outOfRangeIntegerHasPath() {
        ManifestDocument document = load("""
                  subscribers: [{name: s, uri: "file://in.jsonl", maxDepth: 99999999999999999999999}]
                  runtime: {replicas: 0}
                """);

        ValidationProblem problem = at(document, "spec.subscribers[0].maxDepth");
        assertThat(problem.value()).isEqualTo("99999999999999999999999");
        assertThat(problem.message()).contains("2147483647");
        assertThat(document.resource()).as("the rest is still read, so other problems show").isNotNull();
        assertThat(((Dag) document.resource()).getSpec().getRuntime().getReplicas()).isZero();
    }

    @Test
    void numberForStringIsReported() {
        ManifestDocument document = load("""
                  edges: [{from: a, to: b, as: 7}]
                """);

        assertThat(at(document, "spec.edges[0].as").message()).contains("\"7\"");
    }

    @Test
    void duplicateKeyIsReported() {
        ManifestDocument document = load("""
                  nodes:
                    - {name: m, type: Metronome, interval: 1s, interval: 2s}
                """);

        ValidationProblem problem = at(document, "spec.nodes[0].interval");
        assertThat(problem.message()).contains("'interval' is given twice");
    }

    @Test
    void configStaysFreeForm() {
        ManifestDocument document = load("""
                  subscribers: [{name: s, uri: "file://in.jsonl", config: {a: 1, b: [x], c: {d: true}}}]
                """);

        assertThat(document.problems()).isEmpty();
    }

    @Test
    void problemsFollowDocumentOrder() {
        ManifestDocument document = load("""
                  nodes:
                    - {name: r, type: Subscription, subscriber: [s]}
                    - {name: w, type: Publication, publishers: p}
                """);

        assertThat(document.problems()).extracting(ValidationProblem::path)
                .containsExactly("spec.nodes[0].subscriber", "spec.nodes[1].publishers");
        assertThat(document.problems().get(0).message()).isEqualTo("Expected a string here, not a list.");
    }
}
