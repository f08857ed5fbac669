package io.dishtayantra.runtime.calculator.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NativeCalculatorKindTest {

    private final NativeCalculatorKind kind = new NativeCalculatorKind();
    private final List<Calculator> started = new ArrayList<>();

    @AfterEach
    void closeCalculators() throws Exception {
        for (Calculator calculator : started) {
            calculator.close();
        }
    }

    private static ComponentSpec spec(Map<String, Object> config) {
        return new ComponentSpec("quote", "Native", new LinkedHashMap<>(config));
    }

    private Calculator start(Map<String, Object> config, Path baseDirectory) throws Exception {
        Calculator calculator = kind.createCalculator(spec(config), null);
        calculator.start(TestPluginContext.of("quote", config, baseDirectory));
        started.add(calculator);
        return calculator;
    }

    private Calculator start(Map<String, Object> config) throws Exception {
        return start(config, Path.of("."));
    }

    private static Map<String, Object> json(Path library, String symbol) {
        return Map.of("library", library.toString(), "symbol", symbol, "style", "json");
    }

    private static Map<String, Object> numeric(Path library, String symbol) {
        return Map.of("library", library.toString(), "symbol", symbol, "style", "numeric",
                "inputs", List.of("bid", "ask"), "outputs", List.of("mid", "spread"));
    }

    /** JSON writes 2.0 as 2, so a whole result reads back as an integer. */
    private static double number(Map<String, Object> output, String field) {
        return ((Number) output.get(field)).doubleValue();
    }

    @Test
    void cJsonStyleMergesResult() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.exampleC(), "quote_mid_json"));

        Map<String, Object> output = calculator.calculate(Map.of("pair", "EURUSD", "bid", 1.5, "ask", 2.5));

        assertThat(number(output, "mid")).isEqualTo(2.0);
        assertThat(number(output, "spread")).isEqualTo(1.0);
        assertThat(output).containsEntry("pair", "EURUSD");
    }

    @Test
    void rustJsonStyleMergesResult() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.exampleRust(), "quote_mid_json"));

        Map<String, Object> output = calculator.calculate(Map.of("bid", 10, "ask", 12));

        assertThat(number(output, "mid")).isEqualTo(11.0);
        assertThat(number(output, "spread")).isEqualTo(2.0);
    }

    @Test
    void cNumericStyleScalars() throws Exception {
        Calculator calculator = start(numeric(NativeTestLibraries.exampleC(), "quote_mid_numeric"));

        Map<String, Object> output = calculator.calculate(Map.of("bid", 99.5, "ask", 100.5, "id", 7));

        assertThat(output).containsEntry("mid", 100.0);
        assertThat(output).containsEntry("spread", 1.0);
        assertThat(output).containsEntry("id", 7);
    }

    @Test
    void rustNumericStyleColumnsGrowBeyondInitialCapacity() throws Exception {
        Calculator calculator = start(numeric(NativeTestLibraries.exampleRust(), "quote_mid_numeric"));
        List<Double> bids = new ArrayList<>();
        List<Double> asks = new ArrayList<>();
        for (int row = 0; row < 100; row++) {
            bids.add((double) row);
            asks.add(row + 2.0);
        }

        Map<String, Object> output = calculator.calculate(Map.of("bid", bids, "ask", asks));

        assertThat((List<?>) output.get("mid")).hasSize(100);
        assertThat(((List<?>) output.get("mid")).get(99)).isEqualTo(100.0);
        assertThat(((List<?>) output.get("spread")).get(0)).isEqualTo(2.0);
    }

    @Test
    void numericScalarIsRepeatedAlongListAndUnwrittenOutputIsNaN() throws Exception {
        Map<String, Object> config = Map.of("library", NativeTestLibraries.errors().toString(),
                "symbol", "numeric_product_skip_second", "style", "numeric",
                "inputs", List.of("px", "scale"), "outputs", List.of("scaled", "unused"));
        Calculator calculator = start(config);

        Map<String, Object> output = calculator.calculate(Map.of("px", List.of(1, 2, 3), "scale", 10));

        assertThat(output.get("scaled")).isEqualTo(List.of(10.0, 20.0, 30.0));
        assertThat((List<?>) output.get("unused")).allSatisfy(value -> assertThat((Double) value).isNaN());
    }

    @Test
    void jsonInputIsNulTerminatedEventJson() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.errors(), "echo_input"));

        Map<String, Object> output = calculator.calculate(Map.of("a", 1));

        assertThat(output).containsEntry("seen", Map.of("a", 1));
        assertThat(output).containsEntry("terminated", true);
    }

    @Test
    void replaceOutputDropsInputFields() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>(json(NativeTestLibraries.exampleC(), "quote_mid_json"));
        config.put("output", "replace");
        Calculator calculator = start(config);

        Map<String, Object> output = calculator.calculate(Map.of("pair", "EURUSD", "bid", 1.0, "ask", 3.0));

        assertThat(output).containsOnlyKeys("mid", "spread");
    }

    @Test
    void bufferTooSmallRetriesWithLargerBuffer() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.errors(), "large_output"));

        Map<String, Object> output = calculator.calculate(Map.of());

        assertThat((String) output.get("pad")).hasSize(10000);
    }

    @Test
    void outputLargerThanMaximumFailsTheEvent() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>(json(NativeTestLibraries.errors(), "large_output"));
        config.put("maxOutputBytes", 5000);
        Calculator calculator = start(config);

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("maxOutputBytes (5000)");
    }

    @Test
    void bufferTooSmallWithoutLargerSizeFailsTheEvent() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.errors(), "wrong_size_request"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("buffer-too-small");
    }

    @Test
    void errorCodeWithMessageFailsTheEvent() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.errors(), "fails_with_message"));

        assertThatThrownBy(() -> calculator.calculate(Map.of("price", -1)))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("fails_with_message")
                .hasMessageContaining("error code 7: price is negative");
    }

    @Test
    void errorCodeWithoutMessageFailsTheEvent() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.errors(), "fails_silently"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(NativeCallException.class)
                .hasMessageEndingWith("returned error code 3");
    }

    @Test
    void exampleErrorReportsMissingField() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.exampleRust(), "quote_mid_json"));

        assertThatThrownBy(() -> calculator.calculate(Map.of("bid", 1)))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("bid and ask must be numbers");
    }

    @Test
    void nullJsonMeansNoOutput() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.errors(), "returns_null"));

        assertThat(calculator.calculate(Map.of("a", 1))).isNull();
    }

    @Test
    void nonObjectJsonFailsTheEvent() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.errors(), "returns_array"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("return an object");
    }

    @Test
    void invalidJsonFailsTheEvent() throws Exception {
        Calculator calculator = start(json(NativeTestLibraries.errors(), "returns_garbage"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void numericErrorCodeFailsTheEvent() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>(numeric(NativeTestLibraries.errors(), "numeric_fails"));
        Calculator calculator = start(config);

        assertThatThrownBy(() -> calculator.calculate(Map.of("bid", 1, "ask", 2)))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("error code 5");
    }

    @Test
    void numericMissingOrNonNumericFieldFailsBeforeTheCall() throws Exception {
        Calculator calculator = start(numeric(NativeTestLibraries.exampleC(), "quote_mid_numeric"));

        assertThatThrownBy(() -> calculator.calculate(Map.of("bid", 1)))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("input field 'ask'");
        assertThatThrownBy(() -> calculator.calculate(Map.of("bid", 1, "ask", "high")))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("'ask'");
        assertThatThrownBy(() -> calculator.calculate(Map.of("bid", List.of(1, 2), "ask", List.of(1))))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> calculator.calculate(Map.of("bid", List.of(1, "x"), "ask", List.of(1, 2))))
                .isInstanceOf(NativeCallException.class)
                .hasMessageContaining("'bid[1]'");
    }

    @Test
    void missingLibraryFailsAtStartNamingLibraryAndSymbol() {
        Map<String, Object> config = json(Path.of("/nonexistent/libnothing.so"), "quote_mid_json");
        Calculator calculator = kind.createCalculator(spec(config), null);

        assertThatThrownBy(() -> calculator.start(TestPluginContext.of("quote", config, Path.of("."))))
                .isInstanceOf(NativeLinkException.class)
                .hasMessageContaining("/nonexistent/libnothing.so")
                .hasMessageContaining("quote_mid_json")
                .hasMessageContaining("does not exist");
    }

    @Test
    void wrongSymbolFailsAtStartNamingLibraryAndSymbol() throws Exception {
        Map<String, Object> config = json(NativeTestLibraries.exampleC(), "quote_mid_jsn");
        Calculator calculator = kind.createCalculator(spec(config), null);

        assertThatThrownBy(() -> calculator.start(TestPluginContext.of("quote", config, Path.of("."))))
                .isInstanceOf(NativeLinkException.class)
                .hasMessageContaining("libquote_math_c.so")
                .hasMessageContaining("'quote_mid_jsn'")
                .hasMessageContaining("does not export");
    }

    @Test
    void fileThatIsNotALibraryFailsAtStart() throws Exception {
        Map<String, Object> config = json(Path.of("src/test/native/native_errors.c").toAbsolutePath(), "f");
        Calculator calculator = kind.createCalculator(spec(config), null);

        assertThatThrownBy(() -> calculator.start(TestPluginContext.of("quote", config, Path.of("."))))
                .isInstanceOf(NativeLinkException.class)
                .hasMessageContaining("could not be loaded");
    }

    @Test
    void relativeLibraryResolvesAgainstBaseDirectory() throws Exception {
        Path library = NativeTestLibraries.exampleC();
        Map<String, Object> config = json(library.getFileName(), "quote_mid_json");

        Calculator calculator = start(config, library.getParent());

        assertThat(number(calculator.calculate(Map.of("bid", 1, "ask", 1.5)), "spread")).isEqualTo(0.5);
    }

    @Test
    void calculateBeforeStartIsRejected() throws Exception {
        Calculator calculator = kind.createCalculator(spec(json(NativeTestLibraries.exampleC(), "quote_mid_json")), null);

        assertThatThrownBy(() -> calculator.calculate(Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void validationLinksAbsoluteLibrary() throws Exception {
        assertThat(kind.validateCalculator(spec(json(NativeTestLibraries.exampleC(), "quote_mid_json")), "c")).isEmpty();

        List<ValidationProblem> problems = kind.validateCalculator(
                spec(json(NativeTestLibraries.exampleC(), "no_such_function")), "spec.calculators[3]");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("spec.calculators[3].config.library");
            assertThat(problem.message()).contains("'no_such_function'");
        });
    }

    @Test
    void validationReportsMissingLibraryFile() {
        List<ValidationProblem> problems = kind.validateCalculator(
                spec(json(Path.of("/nonexistent/lib.so"), "f")), "c");

        assertThat(problems).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("/nonexistent/lib.so"));
    }

    @Test
    void validationReportsBadConfig() {
        List<ValidationProblem> problems = kind.validateCalculator(spec(Map.of("style", "protobuf",
                "inputs", List.of("a"), "libary", "x")), "c");

        assertThat(problems).extracting(ValidationProblem::path)
                .containsExactlyInAnyOrder("c.config.libary", "c.config.library", "c.config.symbol", "c.config.style",
                        "c.config.inputs");
    }

    @Test
    void validationReportsNumericWithoutFields() {
        List<ValidationProblem> problems = kind.validateCalculator(spec(Map.of("library", "lib.so", "symbol", "f",
                "style", "numeric", "inputs", List.of("a", "a"))), "c");

        assertThat(problems).extracting(ValidationProblem::path)
                .containsExactlyInAnyOrder("c.config.inputs", "c.config.outputs");
    }

    @Test
    void createRejectsBadConfig() {
        assertThatThrownBy(() -> kind.createCalculator(spec(Map.of("symbol", "f")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quote.config.library");
    }
}
