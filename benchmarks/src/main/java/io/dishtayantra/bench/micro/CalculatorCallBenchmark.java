package io.dishtayantra.bench.micro;

import com.sun.net.httpserver.HttpServer;
import io.dishtayantra.api.Calculator;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.calculator.MeteredCalculator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Case 4: the cost of one calculator call, per kind, created through the calculator registry as
 * the engine creates them. Variants:
 * <ul>
 *   <li>{@code java} and {@code java-metered}: an identity plugin class, without and with the
 *       MeteredCalculator wrapper every engine calculator gets;</li>
 *   <li>{@code native-json} and {@code native-numeric}: the example C library
 *       (examples/calculators/native/c/quote_math.c), compiled with gcc into target/ at set-up;</li>
 *   <li>{@code cel}: an Expression calculator setting two fields;</li>
 *   <li>{@code rest}: a Rest calculator posting to an HTTP server on 127.0.0.1 in this process.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalculatorCallBenchmark {

    @Param({"java", "java-metered", "native-json", "native-numeric", "cel", "rest"})
    public String kind;

    private Calculator calculator;
    private HttpServer server;
    private final Map<String, Object> quote = new LinkedHashMap<>(Map.of("symbol", "EURUSD", "bid", 1.0841,
            "ask", 1.0843, "qty", 250_000.0));

    @Setup
    public void setUp() throws Exception {
        CalculatorRegistry registry = CalculatorRegistry.load(getClass().getClassLoader());
        ComponentSpec spec = switch (kind) {
            case "java", "java-metered" -> new ComponentSpec("identity", IdentityCalculator.class.getName(), Map.of());
            case "native-json" -> new ComponentSpec("mid", "Native", Map.of("library", nativeLibrary().toString(),
                    "symbol", "quote_mid_json", "style", "json"));
            case "native-numeric" -> new ComponentSpec("mid", "Native", Map.of("library", nativeLibrary().toString(),
                    "symbol", "quote_mid_numeric", "style", "numeric", "inputs", List.of("bid", "ask"),
                    "outputs", List.of("mid", "spread")));
            case "cel" -> new ComponentSpec("price", "Expression", Map.of(
                    "fields", Map.of("bid", "double", "ask", "double"),
                    "set", Map.of("mid", "(bid + ask) / 2.0", "spread", "ask - bid")));
            case "rest" -> new ComponentSpec("score", "Rest", Map.of("url", startServer(),
                    "httpVersion", "HTTP_1_1", "responsePath", "result", "output", "merge"));
            default -> throw new IllegalArgumentException("Unknown kind " + kind);
        };
        Calculator created = registry.createCalculator(spec);
        created.start(new BenchPluginContext(spec.getName(), spec.getConfig()));
        calculator = kind.equals("java") ? ((MeteredCalculator) created).delegate() : created;
    }

    @TearDown
    public void tearDown() throws Exception {
        calculator.close();
        if (server != null) {
            server.stop(0);
        }
    }

    @Benchmark
    public Map<String, Object> call() throws Exception {
        return calculator.calculate(quote);
    }

    /** Compiles the example C library into target/bench-native once per fork. */
    private static Path nativeLibrary() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath();
        Path source = root.resolve("examples/calculators/native/c/quote_math.c");
        Path library = root.resolve("benchmarks/target/bench-native/libquote_math.so");
        if (!Files.exists(source)) {
            throw new IllegalStateException("Native example source " + source + " not found; run the benchmarks from "
                    + "the repository root or set -Dbench.root=PATH");
        }
        Files.createDirectories(library.getParent());
        Process gcc = new ProcessBuilder("gcc", "-O2", "-shared", "-fPIC", "-o", library.toString(), source.toString())
                .inheritIO().start();
        if (gcc.waitFor() != 0) {
            throw new IllegalStateException("gcc failed to build " + library + " (exit " + gcc.exitValue() + ")");
        }
        return library;
    }

    private String startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] reply = "{\"result\":{\"score\":0.125,\"band\":\"low\"}}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/score", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/score";
    }
}
