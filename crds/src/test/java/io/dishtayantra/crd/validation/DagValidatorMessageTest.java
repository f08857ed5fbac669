package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wording of reference problems. */
class DagValidatorMessageTest {

    private final DagValidator validator = new DagValidator(new SmallCatalog());

    private List<String> messages(String spec) {
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: demo}
                spec:
                """ + spec;
        return validator.validate(new ManifestLoader().parse(yaml, Path.of("demo.yaml")).get(0)).problems().stream()
                .map(ValidationProblem::message).toList();
    }

    @Test
    void unknownEdgeEndListsNodesWithSpace() {
        List<String> messages = messages("""
                  nodes: [{name: m, type: Metronome, interval: 1s}]
                  edges: [{from: m, to: nobody}]
                """);

        assertThat(messages).anySatisfy(message -> assertThat(message).contains("Nodes: m."));
    }

    @Test
    void unknownReferenceWithNoneDeclaredReadsPlainly() {
        List<String> messages = messages("""
                  nodes: [{name: c, type: Calculation, calculator: ghost}]
                """);

        assertThat(messages).anySatisfy(message -> assertThat(message)
                .contains("No calculator is named 'ghost'. Declare it in spec.calculators."));
        assertThat(messages).noneSatisfy(message -> assertThat(message).contains("name one of (none"));
    }
}
