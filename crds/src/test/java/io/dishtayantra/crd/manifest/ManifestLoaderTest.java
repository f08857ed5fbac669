package io.dishtayantra.crd.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {

    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void parsesDagWithNodesAndConfig() {
        List<ManifestDocument> documents = loader.parse("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: demo}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/in", maxDepth: 10, config: {a: 1, b: [x]}}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                """, Path.of("demo.yaml"));

        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).problems()).isEmpty();
        Dag dag = (Dag) documents.get(0).resource();
        assertThat(dag.getMetadata().getName()).isEqualTo("demo");
        assertThat(dag.getSpec().getSubscribers().get(0).getMaxDepth()).isEqualTo(10);
        assertThat(dag.getSpec().getSubscribers().get(0).getConfig()).containsEntry("a", 1);
    }

    @Test
    void reportsEveryUnknownFieldWithPath() {
        List<ManifestDocument> documents = loader.parse("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: demo}
                spec:
                  subscriber: []
                  nodes:
                    - {name: a, type: Calculation, calculater: x}
                """, Path.of("demo.yaml"));

        assertThat(documents.get(0).problems()).extracting(ValidationProblem::path)
                .containsExactlyInAnyOrder("spec.subscriber", "spec.nodes[0].calculater");
    }

    @Test
    void reportsWrongTypeWithPath() {
        List<ManifestDocument> documents = loader.parse("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: demo}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/in", maxDepth: lots}]
                """, Path.of("demo.yaml"));

        assertThat(documents.get(0).problems()).extracting(ValidationProblem::path)
                .containsExactly("spec.subscribers[0].maxDepth");
        assertThat(documents.get(0).problems().get(0).value()).isEqualTo("lots");
    }

    @Test
    void readsSeveralDocumentsAndUnknownKind() {
        List<ManifestDocument> documents = loader.parse("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: TimeWindow
                metadata: {name: london}
                spec: {timeZone: Europe/London, start: "08:00", end: "16:30"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: other}
                """, Path.of("two.yaml"));

        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).problems()).isEmpty();
        assertThat(documents.get(1).resource()).isNull();
        assertThat(documents.get(1).problems()).extracting(ValidationProblem::path).contains("kind");
    }

    @Test
    void reportsInvalidYaml() {
        List<ManifestDocument> documents = loader.parse("spec: [unclosed", Path.of("bad.yaml"));

        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).resource()).isNull();
        assertThat(documents.get(0).problems().get(0).message()).startsWith("The file is not valid YAML");
    }
}
