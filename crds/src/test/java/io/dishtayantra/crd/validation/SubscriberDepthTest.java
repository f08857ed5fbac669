package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the bounds of a subscriber's maxDepth. */
class SubscriberDepthTest {

    private static final String DAG = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata: {name: demo}
            spec:
              subscribers: [{name: trades, uri: "mem://queue/trades", maxDepth: DEPTH}]
              publishers: [{name: out, uri: "file://out/enriched.jsonl"}]
              nodes:
                - {name: ingest, type: Subscription, subscriber: trades}
                - {name: emit, type: Publication, publishers: [out]}
              edges: [{from: ingest, to: emit}]
            """;

    private List<ValidationProblem> problems(long depth) {
        List<ManifestDocument> documents = new ManifestLoader().parse(DAG.replace("DEPTH", Long.toString(depth)),
                Path.of("test.yaml"));
        assertThat(documents.getFirst().problems()).as("parse problems").isEmpty();
        return new DagValidator(new SmallCatalog()).validate((Dag) documents.getFirst().resource()).problems();
    }

    @Test
    void maxDepthAboveLimitIsReported() {
        List<ValidationProblem> problems = problems(Integer.MAX_VALUE);

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().path()).isEqualTo("spec.subscribers[0].maxDepth");
        assertThat(problems.getFirst().value()).isEqualTo("2147483647");
        assertThat(problems.getFirst().message()).contains("at most 1000000");
    }

    @Test
    void maxDepthAtLimitIsValid() {
        assertThat(problems(1_000_000)).isEmpty();
    }

    @Test
    void maxDepthZeroIsReported() {
        assertThat(problems(0)).extracting(ValidationProblem::path).containsExactly("spec.subscribers[0].maxDepth");
    }
}
