package io.dishtayantra.runtime.engine;

import static io.dishtayantra.runtime.engine.DagFixtures.dag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.calculator.PluginClassLoaders;
import io.dishtayantra.runtime.calculator.TestCompiler;
import io.dishtayantra.runtime.calculator.natives.NativeTestLibraries;
import io.dishtayantra.runtime.config.EnvironmentResolver;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import io.dishtayantra.runtime.testplugins.ProbeConnectorKind;
import io.dishtayantra.runtime.testplugins.ProbePublisher;
import io.dishtayantra.runtime.testplugins.ProbeSubscriber;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the Expression, Native, Rest and Java plugin calculator kinds inside the engine: a failing
 * event takes the failure path (counted, dead-lettered) and the DAG keeps running, and a broken
 * native library stops the DAG at start.
 */
class CalculatorKindsEngineTest {

    private final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofMillis(500)));

    @AfterEach
    void stopEngine() {
        engine.shutdown();
    }

    /** Builds a DAG of probe in, calculator {@code c}, probe out and probe dead letter, named after {@code name}. */
    private static String manifest(String name, String calculator) {
        return """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %1$s}
                spec:
                  subscribers: [{name: in, uri: "probe://%1$s-in", maxDepth: 10}]
                  publishers:
                    - {name: out, uri: "probe://%1$s-out"}
                    - {name: dead, uri: "probe://%1$s-dead"}
                  deadLetter: dead
                  calculators: [%2$s]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: calc, type: Calculation, calculator: c}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: calc}, {from: calc, to: emit}]
                """.formatted(name, calculator);
    }

    private static void send(ProbeSubscriber in, List<Map<String, Object>> events) throws InterruptedException {
        for (Map<String, Object> event : events) {
            in.send(event);
        }
    }

    @Test
    void expressionFailureGoesToDeadLetter() throws Exception {
        DagInstance instance = engine.deploy(dag(manifest("expr", """
                {name: c, type: Expression, config: {filter: "event.qty > 0", set: {double_qty: "event.qty * 2"}}}""")),
                Path.of("."));
        instance.start();
        ProbeSubscriber in = ProbeConnectorKind.subscriber("expr-in");

        send(in, List.of(Map.of("qty", 2), Map.of("qty", 0), Map.of("id", "no qty"), Map.of("qty", 5)));

        await().atMost(Duration.ofSeconds(10)).until(() -> in.acknowledged.size() == 4);
        assertThat(ProbeConnectorKind.publisher("expr-out").received).extracting(event -> event.get("double_qty"))
                .containsExactly(4L, 10L);
        ProbePublisher dead = ProbeConnectorKind.publisher("expr-dead");
        assertThat(dead.received).singleElement().satisfies(letter -> {
            assertThat(letter).containsEntry("errorType",
                    "io.dishtayantra.runtime.calculator.expression.ExpressionEvaluationException");
            assertThat((String) letter.get("error")).contains("filter");
        });
        assertThat(instance.snapshot().nodes().get(1).failed()).isEqualTo(1);
        assertThat(instance.state()).isEqualTo(DagState.RUNNING);
    }

    @Test
    void nativeFailureGoesToDeadLetter() throws Exception {
        DagInstance instance = engine.deploy(dag(manifest("native", """
                {name: c, type: Native, config: {library: "%s", symbol: quote_mid_numeric, style: numeric,
                 inputs: [bid, ask], outputs: [mid, spread]}}""".formatted(NativeTestLibraries.exampleC()))),
                Path.of("."));
        instance.start();
        ProbeSubscriber in = ProbeConnectorKind.subscriber("native-in");

        send(in, List.of(Map.of("bid", 1.0, "ask", 3.0), Map.of("bid", "n/a", "ask", 3.0),
                Map.of("bid", 10, "ask", 11)));

        await().atMost(Duration.ofSeconds(10)).until(() -> in.acknowledged.size() == 3);
        assertThat(ProbeConnectorKind.publisher("native-out").received).extracting(event -> event.get("mid"))
                .containsExactly(2.0, 10.5);
        assertThat(ProbeConnectorKind.publisher("native-dead").received).singleElement()
                .satisfies(letter -> assertThat((String) letter.get("error")).contains("input field 'bid'"));
        assertThat(instance.state()).isEqualTo(DagState.RUNNING);
    }

    @Test
    void missingNativeSymbolFailsStart() throws Exception {
        DagInstance instance = engine.deploy(dag(manifest("nosymbol", """
                {name: c, type: Native, config: {library: "%s", symbol: not_exported, style: json}}"""
                .formatted(NativeTestLibraries.exampleC()))), Path.of("."));

        assertThatThrownBy(instance::start)
                .isInstanceOf(DagStartException.class)
                .hasMessageContaining("libquote_math_c.so")
                .hasMessageContaining("'not_exported'");
        assertThat(instance.state()).isEqualTo(DagState.FAILED);
    }

    @Test
    void restFailureGoesToDeadLetter() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DagInstance instance = engine.deploy(dag(manifest("rest", """
                {name: c, type: Rest, config: {url: "http://127.0.0.1:%d/score", retries: 0}}""".formatted(closedPort))),
                Path.of("."));
        instance.start();
        ProbeSubscriber in = ProbeConnectorKind.subscriber("rest-in");

        send(in, List.of(Map.of("id", 1), Map.of("id", 2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> in.acknowledged.size() == 2);
        assertThat(ProbeConnectorKind.publisher("rest-dead").received).hasSize(2)
                .allSatisfy(letter -> assertThat((String) letter.get("error")).contains("could not call"));
        assertThat(instance.snapshot().nodes().get(1).failed()).isEqualTo(2);
        assertThat(instance.state()).isEqualTo(DagState.RUNNING);
    }

    @Test
    void pluginFromFolderRunsBySimpleName() throws Exception {
        Path work = Path.of("target", "engine-plugin-test").toAbsolutePath();
        TestCompiler.deleteRecursively(work);
        TestCompiler.buildExamplePlugin(work, work.resolve("plugins"));
        ClassLoader loader = PluginClassLoaders.forFolder(work.resolve("plugins"));
        try (Engine withPlugins = new Engine(new EngineServices(CalculatorRegistry.load(loader),
                ConnectorRegistry.load(loader), EnvironmentResolver.system(), Duration.ofMillis(500)))) {
            assertThat(withPlugins.services().calculators().calculatorTypes()).contains("VwapCalculator");
            DagInstance instance = withPlugins.deploy(dag(manifest("vwap", """
                    {name: c, type: VwapCalculator, config: {outputField: avg}}""")), Path.of("."));
            instance.start();
            ProbeSubscriber in = ProbeConnectorKind.subscriber("vwap-in");

            send(in, List.of(Map.of("symbol", "A", "price", 10.0, "qty", 1), Map.of("symbol", "A"),
                    Map.of("symbol", "A", "price", 20.0, "qty", 3)));

            await().atMost(Duration.ofSeconds(10)).until(() -> in.acknowledged.size() == 3);
            assertThat(ProbeConnectorKind.publisher("vwap-out").received).extracting(event -> event.get("avg"))
                    .containsExactly(10.0, 17.5);
            assertThat(ProbeConnectorKind.publisher("vwap-dead").received).hasSize(1);
            assertThat(instance.state()).isEqualTo(DagState.RUNNING);
        } finally {
            ((URLClassLoader) loader).close();
        }
    }
}
