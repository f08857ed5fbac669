package io.dishtayantra.runtime.calculator.natives;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.CalculatorKind;
import io.dishtayantra.runtime.config.ConfigReader;
import io.dishtayantra.runtime.config.EnvironmentResolver;
import java.lang.foreign.FunctionDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code Native} type: a function in a C, C++ or Rust shared library, called through the
 * Foreign Function and Memory API in one of two styles, {@code json} or {@code numeric} (see
 * {@link JsonNativeCalculator} and {@link NumericNativeCalculator} for the C signatures).
 *
 * <p>Validation checks the settings and, when {@code library} is an absolute path, loads the
 * library and looks the symbol up; a relative path is checked when the calculator starts, against
 * the manifest's folder. Either way a missing library or symbol stops the DAG before any event.
 */
public final class NativeCalculatorKind implements CalculatorKind {

    /** The manifest type name. */
    public static final String TYPE = "Native";

    @Override
    public Set<String> calculatorTypes() {
        return Set.of(TYPE);
    }

    @Override
    public Calculator createCalculator(ComponentSpec spec, ClassLoader pluginClassLoader) {
        ConfigReader reader = new ConfigReader(spec.getConfig(), spec.getName() + ".config");
        NativeSettings settings = NativeSettings.read(reader);
        reader.throwIfInvalid();
        return NativeSettings.NUMERIC.equals(settings.style())
                ? new NumericNativeCalculator(spec.getName(), settings)
                : new JsonNativeCalculator(spec.getName(), settings);
    }

    @Override
    public List<ValidationProblem> validateCalculator(ComponentSpec spec, String path) {
        ConfigReader reader = new ConfigReader(spec.getConfig(), path + ".config");
        NativeSettings settings = NativeSettings.read(reader);
        List<ValidationProblem> problems = new ArrayList<>(reader.problems());
        if (problems.isEmpty() && !EnvironmentResolver.isReference(settings.library())
                && !EnvironmentResolver.isReference(settings.symbol()) && Path.of(settings.library()).isAbsolute()) {
            FunctionDescriptor signature = NativeSettings.NUMERIC.equals(settings.style())
                    ? NativeFunction.NUMERIC_SIGNATURE
                    : NativeFunction.JSON_SIGNATURE;
            try (NativeFunction ignored = NativeFunction.link(Path.of(settings.library()), settings.symbol(),
                    signature, settings.critical())) {
                // Linked: the library loads and exports the symbol.
            } catch (NativeLinkException e) {
                problems.add(new ValidationProblem(reader.pathOf("library"), settings.library(), e.getMessage()));
            }
        }
        return problems;
    }
}
