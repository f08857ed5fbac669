package io.dishtayantra.runtime.http.monitoring;

import io.dishtayantra.runtime.calculator.CalculatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Lists the calculator kinds found with {@link ServiceLoader}, and whether each one loads. */
public final class CalculatorKinds {

    private CalculatorKinds() {
    }

    /**
     * One kind.
     *
     * @param kind the provider's class name
     * @param available whether it could be instantiated
     * @param error why not, or null
     */
    public record KindStatus(String kind, boolean available, List<String> calculatorTypes, List<String> transformerTypes, String error) {
    }

    /** Loads every provider, reporting failures instead of throwing. */
    public static List<KindStatus> list(ClassLoader classLoader) {
        List<KindStatus> kinds = new ArrayList<>();
        for (ServiceLoader.Provider<CalculatorKind> provider : providers(classLoader, kinds)) {
            String name = provider.type().getName();
            try {
                CalculatorKind kind = provider.get();
                kinds.add(new KindStatus(name, true, List.copyOf(new TreeSet<>(kind.calculatorTypes())),
                        List.copyOf(new TreeSet<>(kind.transformerTypes())), null));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                kinds.add(new KindStatus(name, false, List.of(), List.of(), describe(e)));
            }
        }
        return kinds;
    }

    private static List<ServiceLoader.Provider<CalculatorKind>> providers(ClassLoader classLoader, List<KindStatus> failures) {
        List<ServiceLoader.Provider<CalculatorKind>> providers = new ArrayList<>();
        var iterator = ServiceLoader.load(CalculatorKind.class, classLoader).stream().iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return providers;
                }
                providers.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                failures.add(new KindStatus("(unreadable provider)", false, List.of(), List.of(), describe(e)));
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
