package io.dishtayantra.runtime.calculator.expression;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.CalculatorKind;
import io.dishtayantra.runtime.config.ConfigReader;
import java.util.List;
import java.util.Set;

/**
 * The {@code Expression} type: fields computed by CEL expressions written in the manifest.
 *
 * <p>Config: {@code set} (map of output field to expression), {@code filter} (expression that
 * must be true for the event to continue) and {@code fields} (optional map of top-level field to
 * CEL type, which turns on strict checking of field names). Expressions are compiled and
 * type-checked by validation, so a syntax error, an unknown function or a type mismatch is
 * reported with its line and column before the DAG starts.
 */
public final class ExpressionCalculatorKind implements CalculatorKind {

    /** The manifest type name. */
    public static final String TYPE = "Expression";

    @Override
    public Set<String> calculatorTypes() {
        return Set.of(TYPE);
    }

    @Override
    public Set<String> transformerTypes() {
        return Set.of(TYPE);
    }

    @Override
    public Calculator createCalculator(ComponentSpec spec, ClassLoader pluginClassLoader) {
        return build(spec);
    }

    @Override
    public Transformer createTransformer(ComponentSpec spec, ClassLoader pluginClassLoader) {
        return build(spec);
    }

    @Override
    public List<ValidationProblem> validateCalculator(ComponentSpec spec, String path) {
        ConfigReader reader = new ConfigReader(spec.getConfig(), path + ".config");
        CompiledExpressions.compile(ExpressionSettings.read(reader), reader);
        return reader.problems();
    }

    @Override
    public List<ValidationProblem> validateTransformer(ComponentSpec spec, String path) {
        return validateCalculator(spec, path);
    }

    /** @throws IllegalArgumentException listing every config and compile problem */
    private static ExpressionCalculator build(ComponentSpec spec) {
        ConfigReader reader = new ConfigReader(spec.getConfig(), spec.getName() + ".config");
        ExpressionSettings settings = ExpressionSettings.read(reader);
        CompiledExpressions expressions = CompiledExpressions.compile(settings, reader);
        reader.throwIfInvalid();
        return new ExpressionCalculator(spec.getName(), expressions);
    }
}
