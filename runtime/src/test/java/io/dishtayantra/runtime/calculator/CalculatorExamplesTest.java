package io.dishtayantra.runtime.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dishtayantra.api.Calculator;
import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.calculator.expression.ExpressionCalculatorKind;
import io.dishtayantra.runtime.calculator.natives.NativeCalculatorKind;
import io.dishtayantra.runtime.calculator.natives.NativeTestLibraries;
import io.dishtayantra.runtime.calculator.plugin.PluginLoader;
import io.dishtayantra.runtime.calculator.rest.RestCalculatorKind;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads every manifest in {@code examples/calculators}, validates its calculator with the kind
 * that serves it, and runs the calculator on {@code data/quotes.jsonl}. Native libraries are
 * built from the example sources into target/ and the library path is pointed there, the REST
 * example's own sample service is started on a free 127.0.0.1 port, and the plugin jar is built
 * from the example source.
 */
class CalculatorExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "calculators").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "examples-test").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Dag> dags;
    private static List<Map<String, Object>> quotes;

    @BeforeAll
    static void loadExamples() throws Exception {
        List<ManifestDocument> documents = new ManifestLoader().load(EXAMPLES);
        dags = new LinkedHashMap<>();
        for (ManifestDocument document : documents) {
            assertThat(document.problems()).as(document.location()).isEmpty();
            Dag dag = (Dag) document.resource();
            dags.put(dag.getMetadata().getName(), dag);
        }
        quotes = new ArrayList<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve("data/quotes.jsonl"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> quote = JSON.readValue(line, Map.class);
            quotes.add(quote);
        }
    }

    private static ComponentSpec calculator(String dag) {
        return dags.get(dag).getSpec().getCalculators().getFirst();
    }

    private static ComponentSpec withConfig(ComponentSpec spec, String key, Object value) {
        Map<String, Object> config = new LinkedHashMap<>(spec.getConfig());
        config.put(key, value);
        return new ComponentSpec(spec.getName(), spec.getType(), config);
    }

    private static List<Map<String, Object>> run(Calculator calculator, ComponentSpec spec) throws Exception {
        calculator.start(TestPluginContext.of(spec.getName(), spec.getConfig(), EXAMPLES));
        List<Map<String, Object>> outputs = new ArrayList<>();
        try {
            for (Map<String, Object> quote : quotes) {
                Map<String, Object> output = calculator.calculate(quote);
                if (output != null) {
                    outputs.add(output);
                }
            }
        } finally {
            calculator.close();
        }
        return outputs;
    }

    private static double number(Map<String, Object> event, String field) {
        return ((Number) event.get(field)).doubleValue();
    }

    @Test
    void everyExampleManifestLoads() {
        assertThat(dags).containsOnlyKeys("expression-quotes", "native-c-quotes", "native-rust-quotes",
                "rest-scoring", "plugin-vwap");
    }

    @Test
    void expressionExampleValidatesAndRuns() throws Exception {
        ExpressionCalculatorKind kind = new ExpressionCalculatorKind();
        ComponentSpec spec = calculator("expression-quotes");

        assertThat(kind.validateCalculator(spec, "spec.calculators[0]")).isEmpty();
        List<Map<String, Object>> outputs = run(kind.createCalculator(spec, null), spec);

        assertThat(outputs).hasSize(4);
        assertThat(number(outputs.getFirst(), "mid")).isCloseTo(1.0842, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(outputs.getFirst()).containsEntry("size", "large");
        assertThat(number(outputs.get(2), "spread_pips")).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void nativeCExampleValidatesAndRuns() throws Exception {
        NativeCalculatorKind kind = new NativeCalculatorKind();
        ComponentSpec spec = calculator("native-c-quotes");
        assertThat(kind.validateCalculator(spec, "spec.calculators[0]")).isEmpty();
        ComponentSpec built = withConfig(spec, "library", NativeTestLibraries.exampleC().toString());

        List<Map<String, Object>> outputs = run(kind.createCalculator(built, null), built);

        assertThat(outputs).hasSize(5);
        assertThat(number(outputs.get(2), "mid")).isCloseTo(151.225, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void nativeRustExampleValidatesAndRuns() throws Exception {
        NativeCalculatorKind kind = new NativeCalculatorKind();
        ComponentSpec spec = calculator("native-rust-quotes");
        assertThat(kind.validateCalculator(spec, "spec.calculators[0]")).isEmpty();
        ComponentSpec built = withConfig(spec, "library", NativeTestLibraries.exampleRust().toString());

        List<Map<String, Object>> outputs = run(kind.createCalculator(built, null), built);

        assertThat(outputs).hasSize(5);
        assertThat(number(outputs.get(3), "spread")).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void restExampleValidatesAndRunsAgainstItsSampleService() throws Exception {
        RestCalculatorKind kind = new RestCalculatorKind();
        ComponentSpec spec = calculator("rest-scoring");
        assertThat(kind.validateCalculator(spec, "spec.calculators[0]")).isEmpty();

        Path classes = TestCompiler.compile(List.of(EXAMPLES.resolve("rest/ScoreServer.java")),
                WORK.resolve("score-server-classes"));
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            HttpServer server = (HttpServer) Class.forName("ScoreServer", true, loader)
                    .getMethod("start", int.class).invoke(null, 0);
            try {
                ComponentSpec resolved = withConfig(spec, "url",
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/score");
                resolved = withConfig(resolved, "auth", Map.of("type", "bearer", "token", "demo"));

                List<Map<String, Object>> outputs = run(kind.createCalculator(resolved, null), resolved);

                assertThat(outputs).hasSize(5);
                assertThat(outputs.getFirst()).containsEntry("band", "high").containsEntry("score", 0.5);
                assertThat(outputs.get(3)).containsEntry("band", "low");
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void pluginExampleLoadsFromFolderAndRuns() throws Exception {
        Path folder = WORK.resolve("plugins");
        TestCompiler.buildExamplePlugin(WORK, folder);
        ComponentSpec spec = calculator("plugin-vwap");

        try (URLClassLoader classLoader = (URLClassLoader) PluginClassLoaders.forFolder(folder)) {
            PluginLoader loader = new PluginLoader(classLoader, "plugin folder " + folder);
            assertThat(loader.checkCalculator(spec.getType())).isEmpty();

            List<Map<String, Object>> outputs = run(loader.newCalculator(spec.getType()), spec);

            assertThat(outputs).hasSize(5);
            double expected = (1.0842 * 1_000_000 + 1.0844 * 250_000) / 1_250_000;
            assertThat(number(outputs.get(1), "vwap")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
