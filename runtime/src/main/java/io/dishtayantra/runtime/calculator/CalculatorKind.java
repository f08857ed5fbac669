package io.dishtayantra.runtime.calculator;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.util.List;
import java.util.Set;

/**
 * A family of calculators and transformers the runtime can build by type name: the built-ins,
 * expressions, native libraries, REST services. Kinds are found with {@link java.util.ServiceLoader}.
 */
public interface CalculatorKind {

    /** Calculator type names this kind builds. */
    Set<String> calculatorTypes();

    /** Transformer type names this kind builds. */
    default Set<String> transformerTypes() {
        return Set.of();
    }

    /** Creates an unstarted calculator; the engine calls {@link Calculator#start} later. */
    Calculator createCalculator(ComponentSpec spec, ClassLoader pluginClassLoader) throws Exception;

    /** Creates an unstarted transformer. */
    default Transformer createTransformer(ComponentSpec spec, ClassLoader pluginClassLoader) throws Exception {
        throw new IllegalArgumentException("Type " + spec.getType() + " is not a transformer");
    }

    /** Checks a calculator's config without starting it; paths start at {@code path}. */
    default List<ValidationProblem> validateCalculator(ComponentSpec spec, String path) {
        return List.of();
    }

    /** Checks a transformer's config without starting it. */
    default List<ValidationProblem> validateTransformer(ComponentSpec spec, String path) {
        return List.of();
    }
}
