package io.dishtayantra.runtime.calculator.rest;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.CalculatorKind;
import io.dishtayantra.runtime.config.ConfigReader;
import java.util.List;
import java.util.Set;

/**
 * The {@code Rest} type: each event is sent as JSON to an HTTP endpoint, and the response is
 * merged into the event or replaces it. See {@link RestSettings} for the config keys.
 */
public final class RestCalculatorKind implements CalculatorKind {

    /** The manifest type name. */
    public static final String TYPE = "Rest";

    @Override
    public Set<String> calculatorTypes() {
        return Set.of(TYPE);
    }

    @Override
    public Calculator createCalculator(ComponentSpec spec, ClassLoader pluginClassLoader) {
        ConfigReader reader = new ConfigReader(spec.getConfig(), spec.getName() + ".config");
        RestSettings settings = RestSettings.read(reader);
        reader.throwIfInvalid();
        return new RestCalculator(spec.getName(), settings);
    }

    @Override
    public List<ValidationProblem> validateCalculator(ComponentSpec spec, String path) {
        ConfigReader reader = new ConfigReader(spec.getConfig(), path + ".config");
        RestSettings.read(reader);
        return reader.problems();
    }
}
