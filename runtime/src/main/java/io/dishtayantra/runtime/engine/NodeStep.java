package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import java.util.Map;

/** One calculator or transformer in a node's chain of steps, with its name for error messages. */
abstract sealed class NodeStep {

    private final String description;

    NodeStep(String description) {
        this.description = description;
    }

    /** Such as {@code calculator enrich}. */
    String description() {
        return description;
    }

    abstract Map<String, Object> apply(Map<String, Object> input) throws Exception;

    static NodeStep of(String name, Calculator calculator) {
        return new CalculatorStep(name, calculator);
    }

    static NodeStep of(String name, Transformer transformer) {
        return new TransformerStep(name, transformer);
    }

    private static final class CalculatorStep extends NodeStep {

        private final Calculator calculator;

        CalculatorStep(String name, Calculator calculator) {
            super("calculator " + name);
            this.calculator = calculator;
        }

        @Override
        Map<String, Object> apply(Map<String, Object> input) throws Exception {
            return calculator.calculate(input);
        }
    }

    private static final class TransformerStep extends NodeStep {

        private final Transformer transformer;

        TransformerStep(String name, Transformer transformer) {
            super("transformer " + name);
            this.transformer = transformer;
        }

        @Override
        Map<String, Object> apply(Map<String, Object> input) throws Exception {
            return transformer.transform(input);
        }
    }
}
