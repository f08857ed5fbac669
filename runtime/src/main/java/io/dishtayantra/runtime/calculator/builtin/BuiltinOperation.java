package io.dishtayantra.runtime.calculator.builtin;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import io.dishtayantra.api.Transformer;
import java.util.Map;

/**
 * A built-in step usable both as a calculator and as a transformer: the config is read when it is
 * built, and {@link #apply} does the work. Instances keep no state between events, except Counter,
 * which counts them.
 */
abstract class BuiltinOperation implements Calculator, Transformer {

    /** Computes the output for one input without modifying the input. */
    abstract Map<String, Object> apply(Map<String, Object> input) throws Exception;

    @Override
    public final Map<String, Object> calculate(Map<String, Object> input) throws Exception {
        return apply(input);
    }

    @Override
    public final Map<String, Object> transform(Map<String, Object> input) throws Exception {
        return apply(input);
    }

    @Override
    public void start(PluginContext context) {
    }

    @Override
    public void close() {
    }
}
