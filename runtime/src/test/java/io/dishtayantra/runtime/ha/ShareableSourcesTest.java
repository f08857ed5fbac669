package io.dishtayantra.runtime.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.validation.DagValidator;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import io.dishtayantra.runtime.connector.testing.Manifests;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which subscribers several active instances may share, as the engine's validator decides it. */
class ShareableSourcesTest {

    private static final ClassLoader LOADER = ShareableSourcesTest.class.getClassLoader();
    private final DagValidator validator = new DagValidator(
            new RuntimeCatalog(CalculatorRegistry.load(LOADER), ConnectorRegistry.load(LOADER)));

    private List<ValidationProblem> parallelismProblems(String uri, String config, int parallelism) {
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: shared}
                spec:
                  runtime: {parallelism: %d}
                  subscribers:
                    - name: source_in
                      uri: "%s"
                      config: %s
                  publishers:
                    - name: sink_out
                      uri: kafka://topic/out
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: source_in}
                    - {name: emit, type: Publication, publishers: [sink_out]}
                  edges: [{from: ingest, to: emit}]
                """.formatted(parallelism, uri, config);
        return validator.validate(Manifests.dag(yaml)).problems().stream()
                .filter(problem -> problem.path().equals("spec.runtime.parallelism"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "file://in/trades.jsonl      | {}",
        "metronome://tick            | {}",
        "sql://table/trades          | {url: 'jdbc:postgresql://127.0.0.1/test', keyColumn: id}",
        "redis://channel/quotes      | {}",
        "mem://queue/trades          | {}"})
    void unshareableSourceRejectsParallelism(String uri, String config) {
        List<ValidationProblem> problems = parallelismProblems(uri, config, 3);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.value()).isEqualTo("3");
            assertThat(problem.message()).contains("Subscriber 'source_in' (" + uri + ") cannot be shared");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kafka://topic/trades        | {}",
        "rabbitmq://queue/trades     | {}",
        "redis://stream/trades       | {}",
        "redis://list/trades         | {}"})
    void shareableSourceAllowsParallelism(String uri, String config) {
        assertThat(parallelismProblems(uri, config, 3)).isEmpty();
    }

    @Test
    void singleInstanceAllowsAnySource() {
        assertThat(parallelismProblems("metronome://tick", "{}", 1)).isEmpty();
    }
}
