package io.dishtayantra.runtime.calculator.builtin;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.CalculatorKind;
import io.dishtayantra.runtime.config.ConfigReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in calculators and transformers. Every type reads its config when built and rejects
 * unknown keys, so a misspelt key is reported instead of silently ignored.
 *
 * <p>Calculators: Null, Passthru, AttributeFilter, AttributeFilterAway, ApplyDefaults,
 * AttributeNameChange, Addition, Multiplication, Counter. Transformers: the same except
 * Addition, Multiplication and Counter.
 */
public final class BuiltinCalculatorKind implements CalculatorKind {

    private record Builtin(Set<String> keys, boolean transformer, Function<ConfigReader, BuiltinOperation> factory) {
    }

    private static final Map<String, Builtin> BUILTINS = new LinkedHashMap<>();

    static {
        BUILTINS.put("Null", new Builtin(Set.of(), true, config -> new DeepCopy()));
        BUILTINS.put("Passthru", new Builtin(Set.of(), true, config -> new Passthru()));
        BUILTINS.put("AttributeFilter", new Builtin(Set.of("keepAttributes"), true,
                config -> new AttributeFilter(config.stringList("keepAttributes", true, true))));
        BUILTINS.put("AttributeFilterAway", new Builtin(Set.of("filterAttributes"), true,
                config -> new AttributeFilterAway(config.stringList("filterAttributes", true, true))));
        BUILTINS.put("ApplyDefaults", new Builtin(Set.of("defaults"), true,
                config -> new ApplyDefaults(config.map("defaults", true))));
        BUILTINS.put("AttributeNameChange", new Builtin(Set.of("nameMapping"), true,
                config -> new AttributeNameChange(config.stringMap("nameMapping", true))));
        BUILTINS.put("Addition", new Builtin(Set.of("arguments", "outputAttribute"), false,
                config -> arithmetic(Arithmetic.Operation.ADDITION, config)));
        BUILTINS.put("Multiplication", new Builtin(Set.of("arguments", "outputAttribute"), false,
                config -> arithmetic(Arithmetic.Operation.MULTIPLICATION, config)));
        BUILTINS.put("Counter", new Builtin(Set.of("sequenceAttribute", "timestampAttribute"), false,
                config -> new Counter(config.string("sequenceAttribute", false, "sequence"),
                        config.string("timestampAttribute", false, "timestamp"))));
    }

    private static Arithmetic arithmetic(Arithmetic.Operation operation, ConfigReader config) {
        List<String> arguments = config.stringList("arguments", true, true);
        String outputAttribute = config.string("outputAttribute", false, "result");
        return new Arithmetic(operation, arguments, outputAttribute);
    }

    @Override
    public Set<String> calculatorTypes() {
        return Set.copyOf(BUILTINS.keySet());
    }

    @Override
    public Set<String> transformerTypes() {
        return BUILTINS.entrySet().stream()
                .filter(entry -> entry.getValue().transformer())
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public Calculator createCalculator(ComponentSpec spec, ClassLoader pluginClassLoader) {
        return build(spec, "calculator", false);
    }

    @Override
    public Transformer createTransformer(ComponentSpec spec, ClassLoader pluginClassLoader) {
        return build(spec, "transformer", true);
    }

    @Override
    public List<ValidationProblem> validateCalculator(ComponentSpec spec, String path) {
        return check(spec, path, false);
    }

    @Override
    public List<ValidationProblem> validateTransformer(ComponentSpec spec, String path) {
        return check(spec, path, true);
    }

    private static List<ValidationProblem> check(ComponentSpec spec, String path, boolean asTransformer) {
        Builtin builtin = find(spec, asTransformer);
        ConfigReader config = new ConfigReader(spec.getConfig(), path + ".config");
        config.rejectUnknownKeys(builtin.keys());
        builtin.factory().apply(config);
        return config.problems();
    }

    private static BuiltinOperation build(ComponentSpec spec, String role, boolean asTransformer) {
        Builtin builtin = find(spec, asTransformer);
        ConfigReader config = new ConfigReader(spec.getConfig(), role + " " + spec.getName() + ".config");
        config.rejectUnknownKeys(builtin.keys());
        BuiltinOperation operation = builtin.factory().apply(config);
        config.throwIfInvalid();
        return operation;
    }

    private static Builtin find(ComponentSpec spec, boolean asTransformer) {
        Builtin builtin = BUILTINS.get(spec.getType());
        if (builtin == null || (asTransformer && !builtin.transformer())) {
            throw new IllegalArgumentException("Type " + spec.getType() + " is not a built-in "
                    + (asTransformer ? "transformer" : "calculator"));
        }
        return builtin;
    }
}
