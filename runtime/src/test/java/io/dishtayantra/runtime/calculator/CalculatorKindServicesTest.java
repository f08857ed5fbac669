package io.dishtayantra.runtime.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CalculatorKindServicesTest {

    @Test
    void serviceLoaderFindsExpressionNativeAndRestKinds() {
        Set<String> types = ServiceLoader.load(CalculatorKind.class).stream()
                .flatMap(provider -> provider.get().calculatorTypes().stream())
                .collect(Collectors.toSet());

        assertThat(types).contains("Expression", "Native", "Rest");
    }
}
