package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** List sizes the CRD limits and durations too long to schedule. */
class DagValidatorLimitsTest {

    private final DagValidator validator = new DagValidator(new SmallCatalog());

    private List<ValidationProblem> problems(String yaml) {
        return validator.validate(new ManifestLoader().parse(yaml, Path.of("dag.yaml")).get(0)).problems();
    }

    private static String dagWithSinks(int sinks) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: big}
                spec:
                  subscribers: [{name: s, uri: "mem://queue/in"}]
                  nodes:
                    - {name: n, type: Subscription, subscriber: s}
                """);
        for (int i = 0; i < sinks; i++) {
            yaml.append("    - {name: k").append(i).append(", type: Sink}\n");
        }
        yaml.append("  edges:\n");
        for (int i = 0; i < sinks; i++) {
            yaml.append("    - {from: n, to: k").append(i).append("}\n");
        }
        return yaml.toString();
    }

    @Test
    void nodesOverCrdMaximumAreReported() {
        List<ValidationProblem> problems = problems(dagWithSinks(299));

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.path()).isEqualTo("spec.nodes");
            assertThat(problem.message()).contains("at most 256");
        });
    }

    @Test
    void nodesAtCrdMaximumAreAccepted() {
        assertThat(problems(dagWithSinks(255))).noneSatisfy(problem ->
                assertThat(problem.path()).isEqualTo("spec.nodes"));
    }

    @Test
    void overflowingIntervalIsReported() {
        List<ValidationProblem> problems = problems("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: tick}
                spec:
                  nodes: [{name: m, type: Metronome, interval: 9999999999999999h}]
                """);

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.path()).isEqualTo("spec.nodes[0].interval");
            assertThat(problem.message()).contains("at most 2562047h");
        });
    }
}
