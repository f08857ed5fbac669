package io.dishtayantra.bench.micro;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.runtime.calculator.builtin.BuiltinCalculatorKind;
import java.util.HashMap;
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

/**
 * Cost of one call of each built-in in the engine case's chain, unwrapped (no metering). Each
 * step gets the input it gets in the chain: ApplyDefaults the subscriber's event,
 * AttributeNameChange ApplyDefaults' output, AttributeFilterAway AttributeNameChange's output.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BuiltinStepBenchmark {

    @Param({"ApplyDefaults", "AttributeNameChange", "AttributeFilterAway"})
    public String step;

    private Calculator calculator;
    private Map<String, Object> input;

    @Setup
    public void setUp() throws Exception {
        BuiltinCalculatorKind kind = new BuiltinCalculatorKind();
        Calculator defaults = kind.createCalculator(new ComponentSpec("defaults", "ApplyDefaults",
                Map.of("defaults", Map.of("trader", "unassigned", "ccy", "GBP"))), null);
        Calculator rename = kind.createCalculator(new ComponentSpec("rename", "AttributeNameChange",
                Map.of("nameMapping", Map.of("sym", "symbol", "qty", "quantity", "px", "price"))), null);
        Calculator drop = kind.createCalculator(new ComponentSpec("drop", "AttributeFilterAway",
                Map.of("filterAttributes", List.of("account", "book"))), null);

        Map<String, Object> event = tradeEvent();
        Map<String, Object> afterDefaults = defaults.calculate(event);
        Map<String, Object> afterRename = rename.calculate(afterDefaults);
        switch (step) {
            case "ApplyDefaults" -> {
                calculator = defaults;
                input = event;
            }
            case "AttributeNameChange" -> {
                calculator = rename;
                input = afterDefaults;
            }
            case "AttributeFilterAway" -> {
                calculator = drop;
                input = afterRename;
            }
            default -> throw new IllegalArgumentException("Unknown step " + step);
        }
    }

    @Benchmark
    public Map<String, Object> call() throws Exception {
        return calculator.calculate(input);
    }

    /** Creates the engine case's event: ten attributes, about 200 bytes as JSON, trader left null. */
    static Map<String, Object> tradeEvent() {
        Map<String, Object> event = new HashMap<>(16);
        event.put("id", 42L);
        event.put("sym", "VOD.L");
        event.put("side", "BUY");
        event.put("qty", 1_200L);
        event.put("px", 72.87);
        event.put("account", "ACC-00042");
        event.put("venue", "XLON");
        event.put("trader", null);
        event.put("book", "EQ-LDN-CASH");
        event.put("sentNanos", 123_456_789L);
        return event;
    }
}
